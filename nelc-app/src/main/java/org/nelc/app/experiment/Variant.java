package org.nelc.app.experiment;

import java.util.List;
import org.nelc.api.UserError;

/**
 * One kernel/score combination of docs/model.md §4 for the one-hot encoding: the x→z normalization and the
 * score factor of Eqs. 16c/16d. {@link #STANDARD} are the three that {@code reproduce --variants} runs;
 * the first is the paper's experiment.
 *
 * @param name directory-safe name, {@code <normalization>-<score>}
 * @param normalization {@code sigmoid-ratio} (Eq. 19) or {@code softmax}
 * @param score {@code paper} or {@code exact}
 */
public record Variant(String name, String normalization, String score) {
    public static final Variant PAPER = of("sigmoid-ratio", "paper");
    public static final List<Variant> STANDARD = List.of(PAPER, of("sigmoid-ratio", "exact"), of("softmax", "exact"));

    public Variant {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new UserError("variant name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
    }

    public static Variant of(String normalization, String score) {
        return new Variant(normalization + "-" + score, normalization, score);
    }

    /** How the variant reads in a report: {@code sigmoid-ratio + paper score}. */
    public String label() {
        return normalization + " + " + score + " score";
    }
}

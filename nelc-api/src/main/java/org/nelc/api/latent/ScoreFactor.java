package org.nelc.api.latent;

import org.nelc.api.UserError;

/**
 * Which score factor {@code s_β(z | x')} enters the x→z part of the gradient (docs/model.md §4, Eqs. 16c/16d).
 */
public enum ScoreFactor {
    /** {@code z_β − sigmoid(u_β)}, what Eqs. 13c/13d with 15 say (exact only for the bits encoding). */
    PAPER("paper"),
    /** {@code ∂ log Ā_{x'z} / ∂u_β} of the kernel actually used. */
    EXACT("exact");

    private final String label;

    ScoreFactor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ScoreFactor parse(String text) {
        for (ScoreFactor f : values()) {
            if (f.label.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new UserError("--score: unknown score factor '" + text + "' (expected paper or exact)");
    }
}

package org.nelc.app.experiment;

import java.util.ArrayList;
import java.util.List;
import org.nelc.api.UserError;

/** Parses {@code --seeds}: {@code A..B} (inclusive), a single seed, or a comma list of those. */
public final class SeedRange {
    private static final int MAX_MODELS = 100_000;

    private SeedRange() {
    }

    /** The seeds of {@code text}, in the order given, without duplicates. */
    public static List<Long> parse(String text) {
        return parse("--seeds", text);
    }

    /** As {@link #parse(String)}, naming {@code flag} in errors (e.g. {@code --rbm-seeds}). */
    public static List<Long> parse(String flag, String text) {
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dots = p.indexOf("..");
                if (dots >= 0) {
                    long a = Long.parseLong(p.substring(0, dots).trim());
                    long b = Long.parseLong(p.substring(dots + 2).trim());
                    if (b < a || b - a >= MAX_MODELS) {
                        throw new UserError(flag + ": '" + p + "' must be A..B with A <= B and at most " + MAX_MODELS
                                + " seeds");
                    }
                    for (long s = a; s <= b; s++) {
                        add(out, s);
                    }
                } else {
                    add(out, Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new UserError(flag + ": expected A..B (e.g. 1..36) or a comma list, got '" + text + "'");
            }
        }
        if (out.isEmpty()) {
            throw new UserError(flag + ": no seed in '" + text + "'");
        }
        return List.copyOf(out);
    }

    /** Seeds {@code 1..n}. */
    public static List<Long> first(int n) {
        if (n < 1 || n > MAX_MODELS) {
            throw new UserError("--models: must be between 1 and " + MAX_MODELS + ", got " + n);
        }
        List<Long> out = new ArrayList<>(n);
        for (long s = 1; s <= n; s++) {
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static void add(List<Long> out, long s) {
        if (!out.contains(s)) {
            out.add(s);
        }
    }
}

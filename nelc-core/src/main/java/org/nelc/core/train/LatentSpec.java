package org.nelc.core.train;

import org.nelc.api.UserError;

/** {@code --latent ENCODING:L}, e.g. {@code one-hot:6} or {@code bits:10}. */
public record LatentSpec(String encoding, int units) {
    public LatentSpec {
        if (encoding == null || encoding.isBlank()) {
            throw new UserError("--latent: missing encoding name");
        }
        if (units < 1) {
            throw new UserError("--latent " + encoding + ":" + units + ": L must be at least 1");
        }
    }

    public static LatentSpec parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':') != colon) {
            throw new UserError("--latent: expected ENCODING:L such as one-hot:6 or bits:10, got '" + text + "'");
        }
        int units;
        try {
            units = Integer.parseInt(text.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new UserError("--latent: L is not an integer in '" + text + "'");
        }
        return new LatentSpec(text.substring(0, colon).trim(), units);
    }

    @Override
    public String toString() {
        return encoding + ":" + units;
    }
}

package org.nelc.optim;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nelc.api.UserError;
import org.nelc.api.optim.OptimizerSettings;

/** Checks of optimizer settings shared by the factories; every failure is a {@link UserError}. */
final class SettingsCheck {
    private SettingsCheck() {}

    /** Refuses any extra setting not in {@code known}, listing the known ones. */
    static void onlyKnown(String optimizer, OptimizerSettings settings, Set<String> known) {
        Objects.requireNonNull(settings, "settings");
        for (String key : new TreeSet<>(settings.extras().keySet())) {
            if (!known.contains(key)) {
                throw new UserError("optimizer " + optimizer + ": unknown setting '" + key + "' (= "
                        + settings.extras().get(key) + "); known settings: " + describe(known));
            }
        }
    }

    /** {@code value} in [0, 1). */
    static double unitInterval(String optimizer, String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new UserError("optimizer " + optimizer + ": setting " + key + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** {@code value} positive and finite. */
    static double positive(String optimizer, String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new UserError("optimizer " + optimizer + ": setting " + key
                    + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /** The learning rate (already checked positive by {@link OptimizerSettings}). */
    static double learningRate(String optimizer, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new UserError("optimizer " + optimizer + ": the learning rate must be a positive finite number, got " + lr);
        }
        return lr;
    }

    private static String describe(Set<String> known) {
        return known.isEmpty() ? "none besides the learning rate" : String.join(", ", new TreeSet<>(known));
    }
}

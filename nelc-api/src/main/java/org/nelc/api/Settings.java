package org.nelc.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named numeric settings of a configurable plugin ({@code --gradient-setting KEY=VALUE},
 * {@code --visible-kernel-setting KEY=VALUE}), recorded in {@code model.json} and read back. Keys
 * follow the plugin naming rule (lower-case letters, digits, dashes; a single upper-case letter such as
 * {@code T} is allowed for a symbol from the formulas); values are finite. Immutable, sorted by key.
 *
 * @param values the settings by key
 */
public record Settings(Map<String, Double> values) {
    /** No settings: every configurable plugin's defaults. */
    public static final Settings NONE = new Settings(Map.of());

    public Settings {
        values = Map.copyOf(new TreeMap<>(values == null ? Map.of() : values));
        for (var e : values.entrySet()) {
            if (!e.getKey().matches("[a-z0-9][a-z0-9-]*|[A-Za-z]")) {
                throw new UserError("setting '" + e.getKey() + "': a key is lower-case letters, digits and dashes");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new UserError("setting " + e.getKey() + ": not a finite number: " + e.getValue());
            }
        }
    }

    public static Settings of(Map<String, Double> values) {
        return values == null || values.isEmpty() ? NONE : new Settings(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value of {@code key}, or {@code fallback} when it is not set. */
    public double get(String key, double fallback) {
        return values.getOrDefault(key, fallback);
    }

    /**
     * Refuses a key outside {@code known}: a {@link UserError} naming the flag, the plugin, the key and the
     * known keys. Call it first in a plugin's {@code configure}.
     *
     * @param flag the flag the settings came from, e.g. {@code --gradient-setting}
     * @param plugin the plugin's name
     */
    public void requireOnly(String flag, String plugin, Set<String> known) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                throw new UserError(flag + " " + key + "=" + values.get(key) + ": " + plugin + " has no setting '"
                        + key + "' (known: " + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                        + ")");
            }
        }
    }

    /** {@code key}'s value (or {@code fallback}), refused unless positive and finite. */
    public double positive(String flag, String plugin, String key, double fallback) {
        double v = get(key, fallback);
        if (!(v > 0)) {
            throw new UserError(flag + " " + key + "=" + v + ": " + plugin + " needs a positive value");
        }
        return v;
    }

    /** {@code KEY=VALUE} pairs separated by commas, sorted by key (for messages and listings). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (var e : values.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}

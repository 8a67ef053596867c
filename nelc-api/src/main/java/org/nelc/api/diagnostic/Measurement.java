package org.nelc.api.diagnostic;

import java.util.Objects;

/**
 * One number a {@link Diagnostic} reports, with its uncertainty and how both were obtained — the unit
 * in which every number of an evaluation travels to the {@code evaluate} table, {@code evaluation.json},
 * the ensemble summaries, the report, {@code sweep collect} and {@code compare} (none of them knows a
 * diagnostic by name). "A number without an error is not a result": an estimate that has no error
 * estimate says why in {@link #method()}.
 *
 * @param key short machine name, unique within its diagnostic: lower-case, digits, dots and dashes
 *     (e.g. {@code sigma.rao-blackwell}); the column name downstream is {@code <diagnostic>.<key>}
 * @param description a short human label for tables (e.g. {@code "σ, Rao-Blackwellized M"})
 * @param value the estimate; may be infinite or NaN when undefined, with the reason in {@link #note()}
 * @param standardError its standard error (≥ 0); {@code 0} for a number computed exactly; NaN when
 *     not estimated (then {@link #method()} says why)
 * @param unit e.g. {@code "nats/double step"}, {@code "double steps"}; empty when dimensionless
 * @param method how the value and its error were obtained, e.g. {@code "jackknife over 20 batches"}
 * @param note a caveat the reader must see next to the number (a precision target not reached, pairs
 *     skipped); empty when none
 */
public record Measurement(String key, String description, double value, double standardError, String unit,
        String method, String note) {

    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(note, "note");
        if (!key.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("measurement key '" + key
                    + "': use lower-case letters, digits, dots and dashes");
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("measurement '" + key + "': negative standard error " + standardError);
        }
    }

    /** A number computed exactly (standard error 0). */
    public static Measurement exact(String key, String description, double value, String unit) {
        return builder().key(key).description(description).value(value).standardError(0.0).unit(unit).method("exact")
                .build();
    }

    /** The same measurement with a caveat attached (appended to an existing one). */
    public Measurement withNote(String caveat) {
        return toBuilder().note(note.isEmpty() ? caveat : note + "; " + caveat).build();
    }

    /** The same measurement with another value (the error, unit, method and note kept). */
    public Measurement withValue(double newValue) {
        return toBuilder().value(newValue).build();
    }

    /** The same measurement with another label. */
    public Measurement withDescription(String newDescription) {
        return toBuilder().description(newDescription).build();
    }

    /** The relative standard error {@code standardError / |value|} (NaN when undefined). */
    public double relativeError() {
        return standardError / Math.abs(value);
    }

    /**
     * A builder: name every part ({@code key}, {@code description}, {@code value}, {@code standardError},
     * {@code method}); the unit and the note default to empty, the standard error to NaN (not estimated).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().key(key).description(description).value(value).standardError(standardError).unit(unit)
                .method(method).note(note);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private String key;
        private String description;
        private double value;
        private double standardError = Double.NaN;
        private String unit = "";
        private String method;
        private String note = "";

        private Builder() {
        }

        public Builder key(String v) {
            key = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder value(double v) {
            value = v;
            return this;
        }

        public Builder standardError(double v) {
            standardError = v;
            return this;
        }

        public Builder unit(String v) {
            unit = v;
            return this;
        }

        public Builder method(String v) {
            method = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }

        public Measurement build() {
            return new Measurement(key, description, value, standardError, unit, method, note);
        }
    }
}

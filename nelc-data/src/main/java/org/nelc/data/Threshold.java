package org.nelc.data;

import java.util.Locale;
import org.nelc.api.UserError;

/**
 * How the numbers of a NumPy or CSV file become bits, stated in every output through
 * {@link #describe()}:
 *
 * <ul>
 *   <li>{@code --threshold T} given: 1 iff {@code value >= T}, any finite value allowed.
 *   <li>bool: the value itself.
 *   <li>uint8: 1 iff {@code value >= 128}, as IDX ({@link Binarize#unsignedByte}).
 *   <li>floats: values must lie in {@code [0, 1]}; 1 iff {@code value > 0.5} (half the range, as
 *       {@link Binarize#unit}).
 *   <li>other integers: values must be 0 or 1.
 * </ul>
 *
 * NaN and infinities are refused, and so is a value outside the default rule's range (the message
 * asks for {@code --threshold}).
 */
public final class Threshold {
    /** The kinds of values a rule applies to. */
    public enum Kind { BOOL, UINT8, FLOAT, INTEGER }

    private final String where;
    private final Kind kind;
    private final Double threshold;
    private String rowWord = "row";

    /**
     * @param where the file (and array) the values come from, for messages
     * @param threshold {@code --threshold}, or null for the default rule of {@code kind}
     */
    public Threshold(String where, Kind kind, Double threshold) {
        this.where = where;
        this.kind = kind;
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new UserError("--threshold: must be a finite number, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** Messages count lines of a text file, not rows. */
    public Threshold countingLines() {
        rowWord = "line";
        return this;
    }

    /** Parses the {@code threshold} reading option (null: the default rule). */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new UserError("--threshold: not a number: '" + text + "'");
        }
    }

    /** The rule as stated in the dataset's source: {@code "binarized x >= 128"}. */
    public String describe() {
        if (threshold != null) {
            return "binarized x >= " + fmt(threshold);
        }
        return switch (kind) {
            case BOOL -> "bool values";
            case UINT8 -> "binarized x >= " + Binarize.BYTE_THRESHOLD;
            case FLOAT -> "binarized x > " + fmt(Binarize.UNIT_THRESHOLD);
            case INTEGER -> "0/1 values";
        };
    }

    /**
     * The bit of {@code value}, the {@code column}-th value of row {@code row}.
     *
     * @throws UserError for NaN, infinities, or a value outside the default rule's range
     */
    public byte bit(double value, long row, long column) {
        if (!Double.isFinite(value)) {
            throw new UserError(where + ": " + rowWord + " " + row + ", value " + column + " is " + value
                    + " (NaN and infinities have no bit)");
        }
        if (threshold != null) {
            return value >= threshold ? (byte) 1 : (byte) 0;
        }
        switch (kind) {
            case BOOL:
                return (byte) (value != 0 ? 1 : 0);
            case UINT8:
                return Binarize.unsignedByte((int) value);
            case FLOAT:
                if (value < 0 || value > 1) {
                    throw outside(value, row, column, "floats are binarized at 0.5 when they lie in [0, 1]");
                }
                return Binarize.unit(value);
            default:
                if (value != 0 && value != 1) {
                    throw outside(value, row, column, "integers other than uint8 must be 0 or 1");
                }
                return (byte) value;
        }
    }

    private UserError outside(double value, long row, long column, String rule) {
        return new UserError(where + ": " + rowWord + " " + row + ", value " + column + " is " + fmt(value) + "; " + rule
                + ": give --threshold T (1 iff value >= T)");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }
}

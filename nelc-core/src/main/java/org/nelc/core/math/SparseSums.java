package org.nelc.core.math;

/**
 * The inner sum that the likelihood and the two-step estimator share: for a binary vector given by its
 * 1-bits, {@code out[k] = base[k] + Σ_{i ∈ active} table[i·stride + k]} for {@code k < width}, pixels in
 * ascending order (so the bits do not depend on who calls), {@value #LANES} columns at a time in local
 * variables, and the last ≤ 6 columns six at a time (the paper's six states do not pay for eight).
 * {@code stride} and the arrays are padded to a multiple of {@value #LANES}; columns past {@code width} up
 * to the next multiple of 6 or 8 are computed too and must be ignored by the caller.
 */
public final class SparseSums {
    public static final int LANES = 8;

    private SparseSums() {
    }

    public static void basePlusRows(double[] base, double[] table, int stride, int width, int[] active, double[] out) {
        int na = active.length;
        int k0 = 0;
        for (; width - k0 > 6; k0 += LANES) {
            double a0 = base[k0];
            double a1 = base[k0 + 1];
            double a2 = base[k0 + 2];
            double a3 = base[k0 + 3];
            double a4 = base[k0 + 4];
            double a5 = base[k0 + 5];
            double a6 = base[k0 + 6];
            double a7 = base[k0 + 7];
            for (int j = 0; j < na; j++) {
                int o = active[j] * stride + k0;
                a0 += table[o];
                a1 += table[o + 1];
                a2 += table[o + 2];
                a3 += table[o + 3];
                a4 += table[o + 4];
                a5 += table[o + 5];
                a6 += table[o + 6];
                a7 += table[o + 7];
            }
            out[k0] = a0;
            out[k0 + 1] = a1;
            out[k0 + 2] = a2;
            out[k0 + 3] = a3;
            out[k0 + 4] = a4;
            out[k0 + 5] = a5;
            out[k0 + 6] = a6;
            out[k0 + 7] = a7;
        }
        if (k0 < width) {
            double a0 = base[k0];
            double a1 = base[k0 + 1];
            double a2 = base[k0 + 2];
            double a3 = base[k0 + 3];
            double a4 = base[k0 + 4];
            double a5 = base[k0 + 5];
            for (int j = 0; j < na; j++) {
                int o = active[j] * stride + k0;
                a0 += table[o];
                a1 += table[o + 1];
                a2 += table[o + 2];
                a3 += table[o + 3];
                a4 += table[o + 4];
                a5 += table[o + 5];
            }
            out[k0] = a0;
            out[k0 + 1] = a1;
            out[k0 + 2] = a2;
            out[k0 + 3] = a3;
            out[k0 + 4] = a4;
            out[k0 + 5] = a5;
        }
    }
}

package org.nelc.optim;

import java.util.Arrays;
import org.nelc.api.UserError;

/** Shapes of flat parameter blocks: creation, per-step checks and state copies. */
final class Blocks {
    private Blocks() {}

    /** A defensive copy of the block sizes, each non-negative. */
    static int[] sizes(int[] blockSizes) {
        if (blockSizes == null) {
            throw new NullPointerException("blockSizes");
        }
        int[] copy = blockSizes.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] < 0) {
                throw new IllegalArgumentException("block " + k + " has negative size " + copy[k]);
            }
        }
        return copy;
    }

    static double[][] zeros(int[] sizes) {
        double[][] z = new double[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            z[k] = new double[sizes[k]];
        }
        return z;
    }

    /** Checks params and grads against the sizes given at creation; allocates nothing unless they differ. */
    static void checkStep(int[] sizes, double[][] params, double[][] grads) {
        if (params.length != sizes.length || grads.length != sizes.length) {
            throw new IllegalArgumentException("expected " + sizes.length + " blocks, got " + params.length
                    + " parameter blocks and " + grads.length + " gradient blocks");
        }
        for (int k = 0; k < sizes.length; k++) {
            if (params[k].length != sizes[k] || grads[k].length != sizes[k]) {
                throw new IllegalArgumentException("block " + k + ": expected size " + sizes[k] + ", got "
                        + params[k].length + " parameters and " + grads[k].length + " gradients");
            }
        }
    }

    /** Appends deep copies of {@code blocks} to {@code out} starting at {@code from}; returns the next index. */
    static int copyInto(double[][] out, int from, double[][] blocks) {
        for (double[] b : blocks) {
            out[from++] = b.clone();
        }
        return from;
    }

    /** Checks that {@code state} has {@code count} blocks in all (a saved state of another shape is refused). */
    static void checkCount(String optimizer, double[][] state, int count) {
        if (state == null) {
            throw new NullPointerException("state");
        }
        if (state.length != count) {
            throw new UserError("optimizer " + optimizer + ": saved state has " + state.length
                    + " blocks, expected " + count);
        }
    }

    /**
     * Checks {@code state[from + k]} against {@code sizes[k]} (and, if {@code nonNegative}, that its
     * entries are ≥ 0; always that they are finite).
     */
    static void checkBlocks(String optimizer, String what, double[][] state, int from, int[] sizes,
            boolean nonNegative) {
        for (int k = 0; k < sizes.length; k++) {
            double[] b = state[from + k];
            if (b == null || b.length != sizes[k]) {
                throw new UserError("optimizer " + optimizer + ": saved " + what + " block " + k + " has size "
                        + (b == null ? "null" : String.valueOf(b.length)) + ", expected " + sizes[k]);
            }
            for (int i = 0; i < b.length; i++) {
                if (!Double.isFinite(b[i]) || (nonNegative && b[i] < 0)) {
                    throw new UserError("optimizer " + optimizer + ": saved " + what + " block " + k + "[" + i
                            + "] is " + b[i] + (nonNegative ? ", expected a finite number ≥ 0" : ", expected a finite number"));
                }
            }
        }
    }

    /** Copies {@code state[from + k]} into {@code into[k]} (shapes already checked). */
    static void copyFrom(double[][] state, int from, double[][] into) {
        for (int k = 0; k < into.length; k++) {
            System.arraycopy(state[from + k], 0, into[k], 0, into[k].length);
        }
    }

    static void fillZero(double[][] blocks) {
        for (double[] b : blocks) {
            Arrays.fill(b, 0.0);
        }
    }
}

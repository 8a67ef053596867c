package org.nelc.analysis.exact;

import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;

/**
 * A tiny synthetic teacher for exact checks: {@code classes} random binary prototypes (each pixel 1
 * with probability {@code density}), and {@code rows} labelled copies, row {@code n} of class
 * {@code n mod classes}, each pixel flipped with probability {@code flip}. Deterministic in the stream.
 */
public final class PrototypeData {
    private PrototypeData() {
    }

    /** A builder: rows, dimension and classes must be set; density 0.4 and flip 0 unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names the teacher's sizes and rates at the call site. */
    public static final class Builder {
        private int rows;
        private int dimension;
        private int classes;
        private double density = 0.4;
        private double flip;

        private Builder() {
        }

        public Builder rows(int v) {
            rows = v;
            return this;
        }

        public Builder dimension(int v) {
            dimension = v;
            return this;
        }

        public Builder classes(int v) {
            classes = v;
            return this;
        }

        /** Probability of a 1 in a prototype. */
        public Builder density(double v) {
            density = v;
            return this;
        }

        /** Probability of flipping each pixel of a row, in [0, 0.5]. */
        public Builder flip(double v) {
            flip = v;
            return this;
        }

        /** The rows, drawn from {@code rng}. */
        public Dataset generate(UniformRandomProvider rng) {
            return PrototypeData.generate(rows, dimension, classes, density, flip, rng);
        }
    }

    private static Dataset generate(int rows, int dimension, int classes, double density, double flip,
            UniformRandomProvider rng) {
        if (rows < 1 || dimension < 1 || classes < 1) {
            throw new UserError("prototype data: rows, dimension and classes must be positive (got " + rows + ", "
                    + dimension + ", " + classes + ")");
        }
        if (!(density >= 0 && density <= 1) || !(flip >= 0 && flip <= 0.5)) {
            throw new UserError("prototype data: density must be in [0, 1] and flip in [0, 0.5] (got " + density + ", "
                    + flip + ")");
        }
        byte[][] proto = new byte[classes][dimension];
        for (byte[] p : proto) {
            for (int i = 0; i < dimension; i++) {
                p[i] = (byte) (rng.nextDouble() < density ? 1 : 0);
            }
        }
        byte[] bits = new byte[rows * dimension];
        int[] labels = new int[rows];
        for (int n = 0; n < rows; n++) {
            int k = n % classes;
            labels[n] = k;
            for (int i = 0; i < dimension; i++) {
                int b = proto[k][i];
                if (rng.nextDouble() < flip) {
                    b = 1 - b;
                }
                bits[n * dimension + i] = (byte) b;
            }
        }
        String source = String.format(java.util.Locale.ROOT, "prototypes(rows=%d, D=%d, classes=%d, density=%s, flip=%s)",
                rows, dimension, classes, density, flip);
        return new Dataset(rows, dimension, bits, labels, source);
    }
}

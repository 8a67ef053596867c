package org.nelc.data.synthetic;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.data.text.TextDataWriter;

/**
 * A teacher with {@code K} random binary prototypes of dimension {@code D}: each prototype bit is a
 * fair coin; a row of class {@code k} is prototype {@code k} with every bit flipped independently with
 * probability {@code noise}. Labels are prototype indices.
 *
 * <p>Deterministic given the seed: the prototypes come from one stream seeded with {@code seed}
 * ({@link RandomSource#XO_RO_SHI_RO_128_PP}), which then gives every class a seed of its own, so row
 * {@code n} of class {@code k} is the same whatever {@code perClass} is asked for. Immutable.
 */
public final class PrototypeTeacher {
    private static final RandomSource GENERATOR = RandomSource.XO_RO_SHI_RO_128_PP;

    private final int classes;
    private final int dimension;
    private final double noise;
    private final long seed;
    private final byte[] prototypes;
    private final long[] classSeeds;

    /**
     * @param classes number of prototypes {@code K ≥ 1}
     * @param dimension bits per row {@code D ≥ 1}
     * @param noise flip probability per bit, in {@code [0, 1]}
     * @param seed the seed everything is drawn from
     * @throws UserError naming the parameter if a value is out of range
     */
    public PrototypeTeacher(int classes, int dimension, double noise, long seed) {
        if (classes < 1) {
            throw new UserError("prototype teacher: classes must be at least 1, got " + classes);
        }
        if (dimension < 1) {
            throw new UserError("prototype teacher: dimension must be at least 1, got " + dimension);
        }
        if (!(noise >= 0.0 && noise <= 1.0)) {
            throw new UserError("prototype teacher: noise must be in [0, 1], got " + noise);
        }
        if ((long) classes * dimension > Integer.MAX_VALUE / 2) {
            throw new UserError("prototype teacher: " + classes + " prototypes of " + dimension + " bits, too many");
        }
        this.classes = classes;
        this.dimension = dimension;
        this.noise = noise;
        this.seed = seed;
        UniformRandomProvider rng = GENERATOR.create(seed);
        this.prototypes = new byte[classes * dimension];
        for (int j = 0; j < prototypes.length; j++) {
            prototypes[j] = rng.nextBoolean() ? (byte) 1 : (byte) 0;
        }
        this.classSeeds = new long[classes];
        for (int k = 0; k < classes; k++) {
            classSeeds[k] = rng.nextLong();
        }
    }

    /** A dataset of {@code perClass} rows of each of {@code classes} prototypes; see {@link #sample}. */
    public static Dataset fromSeed(int classes, int dimension, int perClass, double noise, long seed) {
        return new PrototypeTeacher(classes, dimension, noise, seed).sample(perClass);
    }

    public int classes() {
        return classes;
    }

    public int dimension() {
        return dimension;
    }

    public double noise() {
        return noise;
    }

    public long seed() {
        return seed;
    }

    /** Bit {@code i} of prototype {@code k}. */
    public int prototypeBit(int k, int i) {
        return prototypes[k * dimension + i];
    }

    /** Prototype {@code k} as a fresh array of {@code dimension} bits. */
    public byte[] prototype(int k) {
        byte[] p = new byte[dimension];
        System.arraycopy(prototypes, k * dimension, p, 0, dimension);
        return p;
    }

    /**
     * {@code perClass} noisy rows of every class: all rows of class 0, then class 1, and so on;
     * labels are the class indices. The source reads e.g.
     * {@code prototype-teacher K=3 D=16 noise=0.05 seed=7 perClass=100}.
     *
     * @throws UserError if {@code perClass < 1} or the dataset would be too large
     */
    public Dataset sample(int perClass) {
        if (perClass < 1) {
            throw new UserError("prototype teacher: perClass must be at least 1, got " + perClass);
        }
        long size = (long) classes * perClass;
        if (size * dimension > Integer.MAX_VALUE - 16) {
            throw new UserError("prototype teacher: " + size + " rows of " + dimension + " bits, too many");
        }
        byte[] bits = new byte[(int) (size * dimension)];
        int[] labels = new int[(int) size];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            UniformRandomProvider rng = GENERATOR.create(classSeeds[k]);
            for (int n = 0; n < perClass; n++, row++) {
                labels[row] = k;
                int base = row * dimension;
                int proto = k * dimension;
                for (int i = 0; i < dimension; i++) {
                    int flip = rng.nextDouble() < noise ? 1 : 0;
                    bits[base + i] = (byte) (prototypes[proto + i] ^ flip);
                }
            }
        }
        return new Dataset((int) size, dimension, bits, labels, describe(perClass));
    }

    /**
     * Writes {@link #sample sample(perClass)} to {@code file} in the {@code text} format (atomically).
     *
     * @return the dataset written
     */
    public Dataset writeText(Path file, int perClass) {
        Dataset data = sample(perClass);
        TextDataWriter.write(data, file);
        return data;
    }

    private String describe(int perClass) {
        return String.format(Locale.ROOT, "prototype-teacher K=%d D=%d noise=%s seed=%d perClass=%d",
                classes, dimension, noise, seed, perClass);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PrototypeTeacher[K=%d, D=%d, noise=%s, seed=%d]", classes, dimension, noise, seed);
    }
}

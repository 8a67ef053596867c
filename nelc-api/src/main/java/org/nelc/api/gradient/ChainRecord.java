package org.nelc.api.gradient;

/**
 * The segment {@code 𝒯 = [x'(0), z(0), …, x'(T−1), z(T−1)]} recorded by the persistent chain(s)
 * during one gradient step (Eq. 18), with the logits {@code u(t)} from which each {@code z(t)} was
 * drawn. With {@code K} chains the segments are pooled: {@link #length()} is {@code K·T} and
 * entries {@code k·T … k·T+T−1} belong to chain {@code k}.
 *
 * <p>Layout: {@code visible()[t * D + i]} ∈ {0,1} is {@code x'(t)_i}; {@code states()[t]} the state
 * index of {@code z(t)}; {@code logits()[t * L + β]} is {@code u_β(x'(t))}; the 1-bits of
 * {@code x'(t)} are {@code activeIndices()[activeStart()[t] … activeStart()[t+1]−1]}. The arrays are
 * owned by the chain and reused for the next step: read them during the call only.
 */
public final class ChainRecord {
    private final int capacity;
    private final int dimension;
    private final int units;
    private final byte[] visible;
    private final int[] states;
    private final double[] logits;
    private final int[] activeStart;
    private final int[] activeIndices;
    private int length;

    public ChainRecord(int capacity, int dimension, int units) {
        this.capacity = capacity;
        this.dimension = dimension;
        this.units = units;
        this.visible = new byte[capacity * dimension];
        this.states = new int[capacity];
        this.logits = new double[capacity * units];
        this.activeStart = new int[capacity + 1];
        this.activeIndices = new int[capacity * dimension];
    }

    public int capacity() {
        return capacity;
    }

    public int length() {
        return length;
    }

    /** Sets the number of valid entries (chains fill the arrays first). */
    public void setLength(int length) {
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("length " + length + " outside [0, " + capacity + "]");
        }
        this.length = length;
    }

    public int dimension() {
        return dimension;
    }

    public int units() {
        return units;
    }

    public byte[] visible() {
        return visible;
    }

    public int[] states() {
        return states;
    }

    public double[] logits() {
        return logits;
    }

    public int[] activeStart() {
        return activeStart;
    }

    public int[] activeIndices() {
        return activeIndices;
    }
}

package org.nelc.core.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The tree of seeded random streams (ARCHITECTURE: run seed → model seed → {init, minibatches,
 * chain, evaluation}). A node is a 64-bit key; {@link #child} derives a child key from a label and an
 * index by SplitMix64 mixing, so streams are independent of each other and of how many other
 * streams exist: adding a diagnostic never changes a trained model. Every stream is an
 * XoShiRo256++ generator seeded from its key — the same bits on every JVM and platform.
 */
public final class SeedTree {
    private final long key;

    private SeedTree(long key) {
        this.key = key;
    }

    /** The root for a user's {@code --seed}. */
    public static SeedTree root(long seed) {
        return new SeedTree(mix(seed ^ 0x6E656C63L)); // "nelc"
    }

    public long key() {
        return key;
    }

    /** The child for {@code label} (e.g. "init", "chain") and {@code index} (e.g. the chain number). */
    public SeedTree child(String label, long index) {
        long h = key;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return new SeedTree(mix(h ^ mix(index + 0x9E3779B97F4A7C15L)));
    }

    public SeedTree child(String label) {
        return child(label, 0);
    }

    /** A fresh generator for this node. */
    public RestorableUniformRandomProvider stream() {
        long[] seed = new long[4];
        long s = key;
        for (int k = 0; k < 4; k++) {
            s += 0x9E3779B97F4A7C15L;
            seed[k] = mix(s);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /** SplitMix64's finalizer: a bijection of 64-bit words with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

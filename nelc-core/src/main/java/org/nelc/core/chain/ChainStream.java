package org.nelc.core.chain;

import java.util.Arrays;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.core.util.NumberFactory;

/**
 * A chain's XoShiRo256++ stream with its four state words in plain fields, so the pixel loop keeps
 * them in registers instead of calling the provider 392 times per double step. It produces exactly the
 * provider's {@code nextLong()} sequence (same algorithm, {@code commons-rng}'s
 * {@code AbstractXoShiRo256.next} with the {@code ++} output): {@link #load()} reads the provider's
 * state, {@link #store()} writes it back, so the provider — the object checkpoints save — is exact
 * after every call of the chain.
 *
 * <p>Only {@link #nextLong()} and {@link #nextDouble()} (the interface's default,
 * {@code (nextLong() >>> 11)·2^-53}, which the provider also uses) may be called: the provider caches
 * halves of longs for {@code nextInt}/{@code nextBoolean}, so those throw here rather than diverge.
 */
final class ChainStream implements UniformRandomProvider {
    long s0;
    long s1;
    long s2;
    long s3;
    private final RestorableUniformRandomProvider source;
    private byte[] saved;

    private ChainStream(RestorableUniformRandomProvider source) {
        this.source = source;
    }

    /** An inline stream over {@code source}, or null when {@code source} is not XoShiRo256++. */
    static ChainStream over(RestorableUniformRandomProvider source) {
        return source.getClass() == XoShiRo256PlusPlus.class ? new ChainStream(source) : null;
    }

    /** Copies the provider's state into the fields. */
    void load() {
        RandomProviderState st = source.saveState();
        saved = ((RandomProviderDefaultState) st).getState();
        long[] s = NumberFactory.makeLongArray(Arrays.copyOf(saved, 32));
        s0 = s[0];
        s1 = s[1];
        s2 = s[2];
        s3 = s[3];
    }

    /** Writes the fields back into the provider (the rest of its state is untouched). */
    void store() {
        byte[] head = NumberFactory.makeByteArray(new long[] {s0, s1, s2, s3});
        System.arraycopy(head, 0, saved, 0, head.length);
        source.restoreState(new RandomProviderDefaultState(saved));
    }

    @Override
    public long nextLong() {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        long result = Long.rotateLeft(a + d, 23) + a;
        long t = b << 17;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = Long.rotateLeft(d, 45);
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
        return result;
    }

    @Override
    public int nextInt() {
        throw new UnsupportedOperationException("the chain's inline stream serves nextLong and nextDouble only");
    }

    @Override
    public boolean nextBoolean() {
        throw new UnsupportedOperationException("the chain's inline stream serves nextLong and nextDouble only");
    }
}

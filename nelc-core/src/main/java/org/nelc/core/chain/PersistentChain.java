package org.nelc.core.chain;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.latent.WorkspaceSampler;
import org.nelc.core.model.Model;

/**
 * {@code K ≥ 1} independent persistent chains alternating {@code z(t) ~ Ā(x'(t))} and
 * {@code x'(t+1) ~ A(z(t))} (SPEC §3). Each chain keeps its visible state between calls (PCD) and
 * draws from its own random stream, so the result does not depend on how chains are scheduled.
 *
 * <p>Per call the x→z side of the model is read once into a {@link ChainKernels} cache (logit bias with
 * the centering folded in, transposed {@code w̄}); the z→x side comes from a {@link VisibleTables}
 * (pixel thresholds per latent state), either the caller's — shared with the gradient estimator within
 * one training step — or the chain's own. Every double step costs {@code L·|x'|} adds for the logits,
 * one latent draw, and {@code ⌈D/2⌉} 64-bit draws for the pixels (two 32-bit halves per draw, compared
 * with the thresholds without branches).
 *
 * <p>When a stream is XoShiRo256++ (as every stream of the {@code SeedTree} is) and the latent kernel is
 * one of nelc-core's ({@link WorkspaceSampler}), the generator runs inline ({@link ChainStream}): the
 * same numbers in the same order, its state written back to the provider at the end of every call.
 */
public final class PersistentChain {
    private final int dimension;
    private final int[][] active;
    private final int[] nActive;
    private final RestorableUniformRandomProvider[] rngs;
    private final ChainStream[] inline;
    private ChainKernels kernels;
    private VisibleTables ownTables;
    private double[] work = new double[0];

    /**
     * @param initial the starting visible state of each chain (0/1 bytes of length D)
     * @param rngs one stream per chain
     */
    public PersistentChain(byte[][] initial, RestorableUniformRandomProvider[] rngs) {
        if (initial.length < 1 || initial.length != rngs.length) {
            throw new IllegalArgumentException(initial.length + " initial states for " + rngs.length + " streams");
        }
        this.dimension = initial[0].length;
        this.active = new int[initial.length][dimension];
        this.nActive = new int[initial.length];
        this.rngs = rngs.clone();
        this.inline = new ChainStream[rngs.length];
        for (int k = 0; k < initial.length; k++) {
            if (initial[k].length != dimension) {
                throw new IllegalArgumentException("chain " + k + " has length " + initial[k].length);
            }
            int n = 0;
            for (int i = 0; i < dimension; i++) {
                if (initial[k][i] != 0) {
                    active[k][n++] = i;
                }
            }
            nActive[k] = n;
            inline[k] = ChainStream.over(rngs[k]);
        }
    }

    public int chains() {
        return active.length;
    }

    public int dimension() {
        return dimension;
    }

    /** The current visible state of chain {@code k} (a copy). */
    public byte[] state(int k) {
        byte[] out = new byte[dimension];
        for (int j = 0; j < nActive[k]; j++) {
            out[active[k][j]] = 1;
        }
        return out;
    }

    /** Sets the visible state of chain {@code k} (0/1 bytes of length D), as a checkpoint recorded it. */
    public void restore(int k, byte[] visible) {
        if (visible.length != dimension) {
            throw new IllegalArgumentException("chain " + k + " state has length " + visible.length);
        }
        int n = 0;
        for (int i = 0; i < dimension; i++) {
            if (visible[i] != 0) {
                active[k][n++] = i;
            }
        }
        nActive[k] = n;
    }

    /** The random stream of chain {@code k}, for checkpointing its state. */
    public RestorableUniformRandomProvider stream(int k) {
        return rngs[k];
    }

    /**
     * Runs {@code steps} double steps on every chain and records them into {@code record}
     * (entries {@code k·steps + t}); afterwards each chain holds {@code x'(steps)}.
     */
    public void run(Model model, int steps, ChainRecord record) {
        run(model, ownTables(model), steps, record);
    }

    /**
     * As {@link #run(Model, int, ChainRecord)}, with the z→x tables of the caller: {@code tables} must
     * describe {@code model} as it is now (invalidated since the parameters last changed).
     */
    public void run(Model model, VisibleTables tables, int steps, ChainRecord record) {
        int k = chains();
        if (record.capacity() < k * steps) {
            throw new IllegalArgumentException("record capacity " + record.capacity() + " < " + k * steps);
        }
        checkTables(model, tables);
        ChainKernels ck = kernels(model);
        int d = dimension;
        int l = model.units();
        byte[] vis = record.visible();
        int[] states = record.states();
        double[] logits = record.logits();
        int[] start = record.activeStart();
        int[] idx = record.activeIndices();
        int pos = 0;
        for (int c = 0; c < k; c++) {
            ChainStream st = streamFor(c, ck);
            for (int t = 0; t < steps; t++) {
                int e = c * steps + t;
                int[] act = active[c];
                int na = nActive[c];
                int row = e * d;
                Arrays.fill(vis, row, row + d, (byte) 0);
                for (int j = 0; j < na; j++) {
                    vis[row + act[j]] = 1;
                }
                start[e] = pos;
                System.arraycopy(act, 0, idx, pos, na);
                pos += na;
                states[e] = doubleStep(ck, tables, c, st, logits, e * l);
            }
            if (st != null) {
                st.store();
            }
        }
        start[k * steps] = pos;
        record.setLength(k * steps);
    }

    /**
     * Runs chain {@code k} for {@code out.length} double steps recording only the latent states —
     * the long trajectory of the precise evaluation (SPEC §6–7).
     */
    public void runLatent(Model model, int k, int[] out) {
        runLatent(model, ownTables(model), k, out);
    }

    /** As {@link #runLatent(Model, int, int[])}, with the caller's up-to-date z→x tables. */
    public void runLatent(Model model, VisibleTables tables, int k, int[] out) {
        checkTables(model, tables);
        ChainKernels ck = kernels(model);
        double[] u = new double[model.units()];
        ChainStream st = streamFor(k, ck);
        for (int t = 0; t < out.length; t++) {
            out[t] = doubleStep(ck, tables, k, st, u, 0);
        }
        if (st != null) {
            st.store();
        }
    }

    /** The inline stream of chain {@code c}, loaded, or null when the generic path must be taken. */
    private ChainStream streamFor(int c, ChainKernels ck) {
        ChainStream st = inline[c];
        if (st == null || !(ck.latent() instanceof WorkspaceSampler)) {
            return null;
        }
        st.load();
        return st;
    }

    /** Draws z from x'(current) (logits into {@code u[uOff…]}), then x' ← sample of A(z); returns z. */
    private int doubleStep(ChainKernels ck, VisibleTables tables, int c, ChainStream st, double[] u, int uOff) {
        int[] act = active[c];
        ck.logits(act, nActive[c], u, uOff);
        int z;
        long[] thr;
        if (st != null) {
            z = ((WorkspaceSampler) ck.latent()).sample(u, uOff, st, work);
            thr = tables.thresholds(tables.slot(z));
            nActive[c] = sampleInline(thr, dimension, act, st);
        } else {
            RestorableUniformRandomProvider rng = rngs[c];
            z = ck.latent().sample(u, uOff, rng);
            thr = tables.thresholds(tables.slot(z));
            nActive[c] = sampleGeneric(thr, dimension, act, rng);
        }
        return z;
    }

    /**
     * {@code x_i = [r_i < thr_i]} for 32-bit uniforms {@code r_i} — the low then the high half of each
     * 64-bit draw — the 1-bits listed in {@code act} (the only form of the state kept: bytes are written
     * from it where a record wants them); returns their number.
     * {@code r − thr} is negative exactly when {@code r < thr} (both lie in [0, 2^32]), so its sign bit
     * is the pixel and no branch is taken. The generator is XoShiRo256++ with its state in locals.
     */
    private static int sampleInline(long[] thr, int d, int[] act, ChainStream st) {
        long s0 = st.s0;
        long s1 = st.s1;
        long s2 = st.s2;
        long s3 = st.s3;
        int n = 0;
        int i = 0;
        // two draws (four pixels) per iteration: steadier code from the JIT than one
        for (; i + 3 < d; i += 4) {
            long r = Long.rotateLeft(s0 + s3, 23) + s0;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            long q = Long.rotateLeft(s0 + s3, 23) + s0;
            t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            int b0 = (int) (((r & 0xFFFFFFFFL) - thr[i]) >>> 63);
            int b1 = (int) (((r >>> 32) - thr[i + 1]) >>> 63);
            int b2 = (int) (((q & 0xFFFFFFFFL) - thr[i + 2]) >>> 63);
            int b3 = (int) (((q >>> 32) - thr[i + 3]) >>> 63);
            act[n] = i;
            n += b0;
            act[n] = i + 1;
            n += b1;
            act[n] = i + 2;
            n += b2;
            act[n] = i + 3;
            n += b3;
        }
        for (; i + 1 < d; i += 2) {
            long r = Long.rotateLeft(s0 + s3, 23) + s0;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            int b0 = (int) (((r & 0xFFFFFFFFL) - thr[i]) >>> 63);
            int b1 = (int) (((r >>> 32) - thr[i + 1]) >>> 63);
            act[n] = i;
            n += b0;
            act[n] = i + 1;
            n += b1;
        }
        if (i < d) {
            long r = Long.rotateLeft(s0 + s3, 23) + s0;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            int b0 = (int) (((r & 0xFFFFFFFFL) - thr[i]) >>> 63);
            act[n] = i;
            n += b0;
        }
        st.s0 = s0;
        st.s1 = s1;
        st.s2 = s2;
        st.s3 = s3;
        return n;
    }

    /** {@link #sampleInline} with any provider. */
    private static int sampleGeneric(long[] thr, int d, int[] act, RestorableUniformRandomProvider rng) {
        int n = 0;
        int i = 0;
        for (; i + 1 < d; i += 2) {
            long r = rng.nextLong();
            int b0 = (int) (((r & 0xFFFFFFFFL) - thr[i]) >>> 63);
            int b1 = (int) (((r >>> 32) - thr[i + 1]) >>> 63);
            act[n] = i;
            n += b0;
            act[n] = i + 1;
            n += b1;
        }
        if (i < d) {
            long r = rng.nextLong();
            int b0 = (int) (((r & 0xFFFFFFFFL) - thr[i]) >>> 63);
            act[n] = i;
            n += b0;
        }
        return n;
    }

    private void checkTables(Model model, VisibleTables tables) {
        if (tables.model() != model) {
            throw new IllegalArgumentException("the visible tables describe another model");
        }
    }

    /** The chain's own tables for {@code model}, invalidated (the parameters may have changed since). */
    private VisibleTables ownTables(Model model) {
        if (ownTables == null || ownTables.model() != model) {
            ownTables = new VisibleTables(model);
        } else {
            ownTables.invalidate();
        }
        return ownTables;
    }

    private ChainKernels kernels(Model model) {
        if (model.visibleSize() != dimension) {
            throw new IllegalArgumentException("model has D=" + model.visibleSize() + ", chain " + dimension);
        }
        if (kernels == null || kernels.latent() != model.latent() || kernels.units() != model.units()) {
            kernels = new ChainKernels(model);
        } else {
            kernels.refresh(model);
        }
        if (model.latent() instanceof WorkspaceSampler ws && work.length < ws.workspaceSize()) {
            work = new double[ws.workspaceSize()];
        }
        return kernels;
    }
}

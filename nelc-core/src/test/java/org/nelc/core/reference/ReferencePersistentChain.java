package org.nelc.core.reference;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.model.Model;

/**
 * {@code K ≥ 1} independent persistent chains alternating {@code z(t) ~ Ā(x'(t))} and
 * {@code x'(t+1) ~ A(z(t))} (docs/model.md §3). Each chain keeps its visible state between calls (PCD) and
 * draws from its own random stream, so the result does not depend on how chains are scheduled.
 *
 * <p>Per call the model is read once into a {@link ReferenceChainKernels} cache (logit bias with the centering
 * folded in, transposed {@code w̄}, and per-state pixel thresholds), then every double step costs
 * {@code L·|x'|} adds for the logits, one latent draw, and {@code D/2} 64-bit draws for the pixels.
 */
public final class ReferencePersistentChain {
    private final int dimension;
    private final byte[][] x;
    private final int[][] active;
    private final int[] nActive;
    private final RestorableUniformRandomProvider[] rngs;
    private ReferenceChainKernels kernels;

    /**
     * @param initial the starting visible state of each chain (0/1 bytes of length D)
     * @param rngs one stream per chain
     */
    public ReferencePersistentChain(byte[][] initial, RestorableUniformRandomProvider[] rngs) {
        if (initial.length < 1 || initial.length != rngs.length) {
            throw new IllegalArgumentException(initial.length + " initial states for " + rngs.length + " streams");
        }
        this.dimension = initial[0].length;
        this.x = new byte[initial.length][];
        this.active = new int[initial.length][dimension];
        this.nActive = new int[initial.length];
        this.rngs = rngs.clone();
        for (int k = 0; k < initial.length; k++) {
            if (initial[k].length != dimension) {
                throw new IllegalArgumentException("chain " + k + " has length " + initial[k].length);
            }
            x[k] = initial[k].clone();
            int n = 0;
            for (int i = 0; i < dimension; i++) {
                if (x[k][i] != 0) {
                    active[k][n++] = i;
                }
            }
            nActive[k] = n;
        }
    }

    public int chains() {
        return x.length;
    }

    public int dimension() {
        return dimension;
    }

    /** The current visible state of chain {@code k} (a copy). */
    public byte[] state(int k) {
        return x[k].clone();
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
        int k = chains();
        if (record.capacity() < k * steps) {
            throw new IllegalArgumentException("record capacity " + record.capacity() + " < " + k * steps);
        }
        ReferenceChainKernels ck = kernels(model);
        int d = dimension;
        int l = model.units();
        byte[] vis = record.visible();
        int[] states = record.states();
        double[] logits = record.logits();
        int[] start = record.activeStart();
        int[] idx = record.activeIndices();
        int pos = 0;
        for (int c = 0; c < k; c++) {
            for (int t = 0; t < steps; t++) {
                int e = c * steps + t;
                System.arraycopy(x[c], 0, vis, e * d, d);
                start[e] = pos;
                System.arraycopy(active[c], 0, idx, pos, nActive[c]);
                pos += nActive[c];
                states[e] = doubleStep(ck, c, logits, e * l);
            }
        }
        start[k * steps] = pos;
        record.setLength(k * steps);
    }

    /**
     * Runs chain {@code k} for {@code out.length} double steps recording only the latent states —
     * the long trajectory of the precise evaluation (docs/model.md §6–7).
     */
    public void runLatent(Model model, int k, int[] out) {
        ReferenceChainKernels ck = kernels(model);
        double[] u = new double[model.units()];
        for (int t = 0; t < out.length; t++) {
            out[t] = doubleStep(ck, k, u, 0);
        }
    }

    /** Draws z from x'(current) (logits into {@code u[uOff…]}), then x' ← sample of A(z); returns z. */
    private int doubleStep(ReferenceChainKernels ck, int c, double[] u, int uOff) {
        ck.logits(active[c], nActive[c], u, uOff);
        RestorableUniformRandomProvider rng = rngs[c];
        int z = ck.latent().sample(u, uOff, rng);
        long[] thr = ck.thresholds(z);
        byte[] xc = x[c];
        int[] act = active[c];
        int n = 0;
        int d = dimension;
        int i = 0;
        for (; i + 1 < d; i += 2) {
            long r = rng.nextLong();
            if ((r & 0xFFFFFFFFL) < thr[i]) {
                xc[i] = 1;
                act[n++] = i;
            } else {
                xc[i] = 0;
            }
            if ((r >>> 32) < thr[i + 1]) {
                xc[i + 1] = 1;
                act[n++] = i + 1;
            } else {
                xc[i + 1] = 0;
            }
        }
        if (i < d) {
            long r = rng.nextLong();
            if ((r & 0xFFFFFFFFL) < thr[i]) {
                xc[i] = 1;
                act[n++] = i;
            } else {
                xc[i] = 0;
            }
        }
        nActive[c] = n;
        return z;
    }

    private ReferenceChainKernels kernels(Model model) {
        if (model.visibleSize() != dimension) {
            throw new IllegalArgumentException("model has D=" + model.visibleSize() + ", chain " + dimension);
        }
        if (kernels == null || kernels.latent() != model.latent() || kernels.units() != model.units()) {
            kernels = new ReferenceChainKernels(model);
        } else {
            kernels.refresh(model);
        }
        return kernels;
    }
}

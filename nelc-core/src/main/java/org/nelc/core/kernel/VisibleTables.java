package org.nelc.core.kernel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.Fdlibm;

/**
 * What the z→x kernel {@code A} (Eq. 10) needs per latent state {@code s}, for the current parameters,
 * computed at most once per parameter update and shared by the chain, the gradient estimator and the
 * likelihood (SPEC §2–4, 6):
 * <ul>
 *   <li>the field {@code h_s = a + Σ_{β active in s} w[:, β]} (added in the order of
 *       {@link LatentKernel#activeUnits}, exactly as {@code Model.field});
 *   <li>the means {@code μ_{s,i} = mean(h_{s,i})} and the chain's pixel thresholds
 *       {@code ⌊2^32 μ_{s,i}⌋} (a uniform 32-bit draw {@code r} gives {@code x_i = 1} iff {@code r < thr});
 *   <li>the log-partition {@code Z_s = Σ_i logPartition(h_{s,i})}, summed in ascending {@code i};
 *   <li>for a kernel that is not canonical ({@link VisibleKernel#canonical()} false), the natural
 *       parameters {@code η_{s,i} = natural(h_{s,i})} and slopes {@code dη/dh}, so that
 *       {@code log A_{sx} = Σ_{i∈x} η_{s,i} − Z_s} and {@code ∂ log A_{sx}/∂h_i = (x_i − μ_{s,i}) dη/dh};
 *       for a canonical kernel {@link #natural} is the field itself and {@link #slope} is {@code null}.
 * </ul>
 *
 * <p>Cost and sharing. Per state this is {@code D} exps for the means and {@code D} log1ps for the
 * log-partition. For the Bernoulli kernel {@code sigmoid(h)} and {@code softplus(h)} take the same
 * {@code e = exp(−|h|)} (see {@link #fill}), so one exp serves both, and a pixel whose
 * field has the same bits as the previous pixel's (runs of pixels that are 0 in every image keep equal
 * weights all along training) reuses the previous results. Every value is bit-identical to
 * {@code LogMath.sigmoid} / {@code LogMath.softplus} of the same field. The exps and log1ps are
 * {@link Fdlibm}'s (StrictMath's bits, about twice as fast here: docs/design-notes.md).
 *
 * <p>Levels. The means and thresholds are filled on first use of a state; the log-partition (the
 * {@code log1p}s) only when asked, so a long evaluation chain over {@code 2^L} states pays no
 * {@code log1p}.
 *
 * <p>Lifetime. Call {@link #invalidate()} whenever the parameters change. The arrays returned for a
 * slot stay valid until the next {@link #slot} call (at most {@link #capacity()} states are kept; when
 * more are asked within one update the table starts over). Not thread-safe: one per model and thread.
 */
public final class VisibleTables {
    private static final double TWO32 = 4294967296.0;
    /** Memory bound of the slots: {@code capacity · 32 · D} bytes stay under 64 MiB. */
    private static final long SLOT_BYTES = 64L << 20;
    private static final int MAX_SLOTS = 4096;
    private static final int DIRECT_STATES = 1 << 16;

    private final ModelView model;
    private final LatentKernel latent;
    private final VisibleKernel visible;
    private final boolean bernoulli;
    private final boolean canonical;
    private final int dimension;
    private final int units;
    private final int capacity;
    private final int[] stateSlot;
    private final int[] stateStamp;
    private final Map<Integer, Integer> sparseSlots;
    private final int[] unitScratch;
    private double[][] field = new double[0][];
    private double[][] expo = new double[0][];
    private double[][] mean = new double[0][];
    private double[][] natural = new double[0][];
    private double[][] slope = new double[0][];
    private long[][] threshold = new long[0][];
    private double[] logPartition = new double[0];
    private boolean[] partitionDone = new boolean[0];
    private int used;
    private int stamp = 1;
    private long filledStates;
    private long partitionStates;
    private long exps;
    private long log1ps;

    public VisibleTables(ModelView model) {
        this.model = model;
        this.latent = model.latent();
        this.visible = model.visible();
        this.bernoulli = visible instanceof BernoulliKernel;
        this.canonical = visible.canonical();
        this.dimension = model.visibleSize();
        this.units = latent.units();
        int states = latent.states();
        this.capacity = (int) Math.max(8, Math.min(MAX_SLOTS, SLOT_BYTES / (32L * dimension)));
        this.stateSlot = states <= DIRECT_STATES ? new int[states] : null;
        this.stateStamp = states <= DIRECT_STATES ? new int[states] : null;
        this.sparseSlots = states <= DIRECT_STATES ? null : new HashMap<>();
        this.unitScratch = new int[units];
    }

    /** The model these tables describe. */
    public ModelView model() {
        return model;
    }

    public int dimension() {
        return dimension;
    }

    /** Most states kept at once. */
    public int capacity() {
        return capacity;
    }

    /** Forgets every state: the parameters have changed. */
    public void invalidate() {
        used = 0;
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            if (stateStamp != null) {
                Arrays.fill(stateStamp, 0);
            }
            stamp = 1;
        }
        if (sparseSlots != null) {
            sparseSlots.clear();
        }
    }

    /**
     * The slot of state {@code s}, its field, means and thresholds filled. Invalidates the arrays of
     * earlier slots only when the table is full.
     */
    public int slot(int s) {
        int k = find(s);
        if (k >= 0) {
            return k;
        }
        if (used == capacity) {
            invalidate();
        }
        k = used++;
        grow(k);
        if (stateSlot != null) {
            stateSlot[s] = k;
            stateStamp[s] = stamp;
        } else {
            sparseSlots.put(s, k);
        }
        fill(s, k);
        return k;
    }

    private int find(int s) {
        if (stateSlot != null) {
            return stateStamp[s] == stamp ? stateSlot[s] : -1;
        }
        Integer k = sparseSlots.get(s);
        return k == null ? -1 : k;
    }

    /** The field {@code h} of a slot (length D). Read only. */
    public double[] field(int slot) {
        return field[slot];
    }

    /**
     * The natural parameters {@code η = natural(h)} of a slot (length D; the field itself for a canonical
     * kernel): {@code log A_{sx} = Σ_{i∈x} η_i − logPartition(slot)}. Read only.
     */
    public double[] natural(int slot) {
        return canonical ? field[slot] : natural[slot];
    }

    /** The slopes {@code dη/dh} of a slot (length D), or {@code null} for a canonical kernel (all 1). Read only. */
    public double[] slope(int slot) {
        return canonical ? null : slope[slot];
    }

    /** The means {@code μ = mean(h)} of a slot (length D). Read only. */
    public double[] mean(int slot) {
        return mean[slot];
    }

    /** The pixel thresholds {@code ⌊2^32 μ⌋} of a slot (length D, values in [0, 2^32]). Read only. */
    public long[] thresholds(int slot) {
        return threshold[slot];
    }

    /** {@code Σ_i logPartition(h_i)} of a slot, in ascending {@code i} (the log1ps are taken on first call). */
    public double logPartition(int slot) {
        if (!partitionDone[slot]) {
            logPartition[slot] = partition(slot);
            partitionDone[slot] = true;
        }
        return logPartition[slot];
    }

    /** Work counters since construction: states filled, log-partitions, exps and log1ps taken. */
    public long[] counters() {
        return new long[] {filledStates, partitionStates, exps, log1ps};
    }

    private void grow(int k) {
        if (k < field.length) {
            return;
        }
        int n = Math.min(capacity, Math.max(k + 1, 2 * field.length));
        int d = dimension;
        field = Arrays.copyOf(field, n);
        expo = Arrays.copyOf(expo, n);
        mean = Arrays.copyOf(mean, n);
        natural = Arrays.copyOf(natural, n);
        slope = Arrays.copyOf(slope, n);
        threshold = Arrays.copyOf(threshold, n);
        logPartition = Arrays.copyOf(logPartition, n);
        partitionDone = Arrays.copyOf(partitionDone, n);
        for (int j = 0; j < n; j++) {
            if (field[j] == null) {
                field[j] = new double[d];
                expo[j] = bernoulli ? new double[d] : null;
                mean[j] = new double[d];
                natural[j] = canonical ? null : new double[d];
                slope[j] = canonical ? null : new double[d];
                threshold[j] = new long[d];
            }
        }
    }

    /**
     * Field, means and thresholds of state {@code s} into slot {@code k}. For the Bernoulli kernel
     * {@code LogMath.sigmoid(v)} is {@code 1/(1+e)} for {@code v ≥ 0} and {@code e/(1+e)} otherwise,
     * and {@code LogMath.softplus(v)} is {@code v + log1p(e)} for {@code v > 0} and {@code log1p(e)}
     * otherwise, both with {@code e = exp(v ≥ 0 ? −v : v)} (at {@code v = ±0} every branch takes
     * {@code exp(±0) = 1}); the exponent is stored for {@link #partition}.
     */
    private void fill(int s, int k) {
        int d = dimension;
        int l = units;
        double[] h = field[k];
        double[] w = model.w();
        System.arraycopy(model.a(), 0, h, 0, d);
        int nu = latent.activeUnits(s, unitScratch);
        for (int j = 0; j < nu; j++) {
            int b = unitScratch[j];
            for (int i = 0; i < d; i++) {
                h[i] += w[i * l + b];
            }
        }
        double[] mu = mean[k];
        long[] thr = threshold[k];
        if (bernoulli) {
            double[] ex = expo[k];
            long prevBits = 0;
            double prevE = 0;
            double prevMu = 0;
            int computed = 0;
            for (int i = 0; i < d; i++) {
                double v = h[i];
                long bits = Double.doubleToRawLongBits(v);
                double e;
                double m;
                if (i > 0 && bits == prevBits) {
                    e = prevE;
                    m = prevMu;
                } else {
                    if (v >= 0) {
                        e = Fdlibm.exp(-v);
                        m = 1.0 / (1.0 + e);
                    } else {
                        e = Fdlibm.exp(v);
                        m = e / (1.0 + e);
                    }
                    computed++;
                    prevBits = bits;
                    prevE = e;
                    prevMu = m;
                }
                ex[i] = e;
                mu[i] = m;
                thr[i] = (long) (m * TWO32);
            }
            exps += computed;
        } else {
            for (int i = 0; i < d; i++) {
                double m = visible.mean(h[i]);
                mu[i] = m;
                thr[i] = (long) (m * TWO32);
            }
            if (!canonical) {
                double[] eta = natural[k];
                double[] sl = slope[k];
                for (int i = 0; i < d; i++) {
                    eta[i] = visible.natural(h[i]);
                    sl[i] = visible.naturalSlope(h[i]);
                }
            }
            exps += d;
        }
        partitionDone[k] = false;
        filledStates++;
    }

    private double partition(int k) {
        int d = dimension;
        double[] h = field[k];
        double lz = 0;
        partitionStates++;
        if (!bernoulli) {
            for (int i = 0; i < d; i++) {
                lz += visible.logPartition(h[i]);
            }
            log1ps += d;
            return lz;
        }
        double[] ex = expo[k];
        long prevBits = 0;
        double prevSp = 0;
        int computed = 0;
        for (int i = 0; i < d; i++) {
            double v = h[i];
            long bits = Double.doubleToRawLongBits(v);
            double sp;
            if (i > 0 && bits == prevBits) {
                sp = prevSp;
            } else {
                double lp = Fdlibm.log1p(ex[i]);
                sp = v > 0 ? v + lp : lp;
                computed++;
                prevBits = bits;
                prevSp = sp;
            }
            lz += sp;
        }
        log1ps += computed;
        return lz;
    }
}

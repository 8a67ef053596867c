package org.nelc.analysis.exact;

import org.nelc.analysis.entropy.EntropyProduction;
import org.nelc.analysis.spectrum.DecorrelationTime;
import org.nelc.analysis.spectrum.SelfTransition;
import org.nelc.analysis.transition.KernelTables;
import org.nelc.analysis.transition.StationaryVector;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

/**
 * The exact stationary state of a small model (SPEC §8), by enumerating all {@code 2^D} visible states
 * {@code x} (index {@code Σ_i x_i 2^i}).
 *
 * <p>The visible chain has {@code P_{xx'} = Σ_z Ā_{xz} A_{zx'}}; its stationary vector is {@code p(x)}.
 * Rather than the {@code 2^D × 2^D} matrix {@code P}, the latent chain
 * {@code M_{z'z} = Σ_x A_{z'x} Ā_{xz}} (Eq. 3) is solved: if {@code p̄ M = p̄} then {@code p = p̄ A}
 * satisfies {@code p P = (p̄ A Ā) A = p̄ A = p} (Eq. 5), and {@code p̄ = p Ā} (Eq. 6). With finite
 * parameters every entry of {@code A}, {@code Ā}, hence of {@code M} and {@code P}, is positive, so
 * both stationary vectors are unique and this is the exact {@code p(x)}; {@link #stationarityResidual()}
 * checks {@code ‖pP − p‖_∞} matrix-free. {@code M} is small ({@code L} or {@code 2^L} states) and is
 * solved directly ({@link StationaryVector}). All of {@code A} is kept in log space.
 */
public final class ExactSystem {
    /** Largest visible size enumerated. */
    public static final int MAX_VISIBLE = 14;
    /** Largest {@code states × 2^D} table kept (2^21 doubles, 16 MB per table). */
    public static final long MAX_TABLE = 1L << 21;

    private final int dimension;
    private final int states;
    private final int configurations;
    private final KernelTables tables;
    private final double[] centering;
    private final double[] logA;
    private final double[] logAbar;
    private final double[] m;
    private final double[] pbar;
    private final double[] logP;

    private ExactSystem(ModelView model) {
        this.dimension = model.visibleSize();
        if (dimension > MAX_VISIBLE) {
            throw new UserError("exact reference: D = " + dimension + " visible units is too many to enumerate (2^D "
                    + "states); the exact computations are limited to D <= " + MAX_VISIBLE);
        }
        this.tables = new KernelTables(model);
        this.states = tables.states();
        this.configurations = 1 << dimension;
        if ((long) states * configurations > MAX_TABLE) {
            throw new UserError("exact reference: " + states + " latent states x 2^" + dimension
                    + " visible states is more than " + MAX_TABLE + " entries; use fewer latent units or a smaller D");
        }
        this.centering = model.centering().clone();
        this.logA = logVisibleKernel();
        this.logAbar = logLatentKernel();
        this.m = latentTransitions();
        this.pbar = StationaryVector.ofStochastic(m, states);
        this.logP = logVisible();
    }

    /** Enumerates the model's stationary state. */
    public static ExactSystem of(ModelView model) {
        return new ExactSystem(model);
    }

    /** {@code log A_{zx}} for every state and configuration, at {@code z·2^D + x} (Eq. 10). */
    private double[] logVisibleKernel() {
        int x2 = configurations;
        double[] out = new double[states * x2];
        double[] h = new double[dimension];
        int[] scratch = new int[tables.units()];
        for (int z = 0; z < states; z++) {
            double lz = tables.naturalField(z, h, scratch);
            int off = z * x2;
            out[off] = -lz;
            for (int x = 1; x < x2; x++) {
                int low = Integer.numberOfTrailingZeros(x);
                out[off + x] = out[off + (x & (x - 1))] + h[low];
            }
        }
        return out;
    }

    /** {@code log Ā_{xz}} at {@code x·S + z} (Eq. 11 / 19). */
    private double[] logLatentKernel() {
        double[] out = new double[configurations * states];
        double[] u = new double[tables.units()];
        double[] lp = new double[states];
        int[] active = new int[dimension];
        for (int x = 0; x < configurations; x++) {
            int k = activeBits(x, active);
            tables.logits(active, k, u, 0);
            tables.latent().logProbs(u, 0, lp);
            System.arraycopy(lp, 0, out, x * states, states);
        }
        return out;
    }

    /** Eq. 3, exactly. */
    private double[] latentTransitions() {
        int s = states;
        double[] out = new double[s * s];
        double[] abar = new double[s];
        for (int x = 0; x < configurations; x++) {
            for (int z = 0; z < s; z++) {
                abar[z] = StrictMath.exp(logAbar[x * s + z]);
            }
            for (int zp = 0; zp < s; zp++) {
                double a = StrictMath.exp(logA[zp * configurations + x]);
                int row = zp * s;
                for (int z = 0; z < s; z++) {
                    out[row + z] += a * abar[z];
                }
            }
        }
        return out;
    }

    /** {@code log p(x) = log Σ_z p̄(z) A_{zx}} (Eq. 5). */
    private double[] logVisible() {
        double[] out = new double[configurations];
        double[] logPbar = new double[states];
        for (int z = 0; z < states; z++) {
            logPbar[z] = StrictMath.log(pbar[z]);
        }
        double[] v = new double[states];
        for (int x = 0; x < configurations; x++) {
            for (int z = 0; z < states; z++) {
                v[z] = logPbar[z] + logA[z * configurations + x];
            }
            out[x] = LogMath.logSumExp(v, 0, states);
        }
        return out;
    }

    /** The 1-bits of configuration {@code x} into {@code out}, ascending; returns their number. */
    static int activeBits(int x, int[] out) {
        int k = 0;
        for (int r = x; r != 0; r &= r - 1) {
            out[k++] = Integer.numberOfTrailingZeros(r);
        }
        return k;
    }

    /** The configuration index {@code Σ_i x_i 2^i} of row {@code n} of {@code data}. */
    public static int index(Dataset data, int n) {
        int x = 0;
        for (int i : data.active(n)) {
            x |= 1 << i;
        }
        return x;
    }

    public int visibleSize() {
        return dimension;
    }

    public int states() {
        return states;
    }

    /** {@code 2^D}. */
    public int configurations() {
        return configurations;
    }

    KernelTables tables() {
        return tables;
    }

    double[] centeringView() {
        return centering;
    }

    /** {@code log A_{zx}}. */
    public double logA(int z, int x) {
        return logA[z * configurations + x];
    }

    /** {@code log Ā_{xz}}. */
    public double logAbar(int x, int z) {
        return logAbar[x * states + z];
    }

    /** The exact {@code M_{z'z}} (Eq. 3), row-major {@code S × S}. */
    public double[] transitionMatrix() {
        return m.clone();
    }

    /** The exact {@code p̄(z)} (Eq. 6). */
    public double[] latentStationary() {
        return pbar.clone();
    }

    /** The exact {@code p(x)} over all {@code 2^D} configurations (Eq. 5). */
    public double[] visibleStationary() {
        double[] p = new double[configurations];
        for (int x = 0; x < configurations; x++) {
            p[x] = StrictMath.exp(logP[x]);
        }
        return p;
    }

    /** {@code log p(x)} of configuration {@code x}. */
    public double logProbability(int x) {
        return logP[x];
    }

    /** The exact log-likelihood (Eq. 7): mean over the rows of {@code data} of {@code log p(x)}, nats. */
    public double logLikelihood(Dataset data) {
        if (data.dimension() != dimension) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + dimension);
        }
        double s = 0;
        for (int n = 0; n < data.size(); n++) {
            s += logP[index(data, n)];
        }
        return s / data.size();
    }

    /** Exact σ (Eq. 21) with the exact {@code p̄}. */
    public EntropyProduction.Result entropyProduction() {
        return EntropyProduction.of(m, pbar, states);
    }

    /** Exact τ and λ₂ (Eq. 23). */
    public DecorrelationTime.Result decorrelationTime() {
        return DecorrelationTime.of(m, states);
    }

    /** Exact {@code Tr(M)/L} (Eq. 24). */
    public SelfTransition.Result selfTransition() {
        return SelfTransition.of(m, states);
    }

    /**
     * {@code max_x |(pP)(x) − p(x)|}, with {@code pP} applied matrix-free as {@code (pĀ)A}: how well
     * {@code p} solves the visible chain's stationary equation.
     */
    public double stationarityResidual() {
        double[] p = visibleStationary();
        double[] q = new double[states];
        for (int x = 0; x < configurations; x++) {
            for (int z = 0; z < states; z++) {
                q[z] += p[x] * StrictMath.exp(logAbar[x * states + z]);
            }
        }
        double worst = 0;
        for (int x = 0; x < configurations; x++) {
            double v = 0;
            for (int z = 0; z < states; z++) {
                v += q[z] * StrictMath.exp(logA[z * configurations + x]);
            }
            worst = Math.max(worst, Math.abs(v - p[x]));
        }
        return worst;
    }
}

package org.nelc.api.kernel;

import java.util.Set;
import org.nelc.api.Named;
import org.nelc.api.Settings;

/**
 * The z→x kernel {@code A_{zx} = Π_i p(x_i | h_i)}: binary pixels, independent given the field
 * {@code h = w·z + a} (Eqs. 8, 10), each with any law a kernel chooses as a function of its field.
 * Every law on {@code x_i ∈ {0,1}} is written with its natural parameter {@code η(h) = log p(1|h) −
 * log p(0|h)}:
 * <pre>
 *   log p(x_i | h) = x_i η(h) − logPartition(h),   logPartition(h) = log(1 + e^{η(h)}) = −log p(0|h)
 *   p(x_i = 1 | h) = mean(h) = sigmoid(η(h))                    (sampling: x_i = 1 with this probability)
 *   ∂ log p(x_i | h) / ∂h = (x_i − mean(h)) · naturalSlope(h),   naturalSlope = dη/dh   (Eqs. 13a/b)
 * </pre>
 * The paper's kernel ({@code "bernoulli"}) is the canonical one, {@code η(h) = h}; a temperature
 * {@code η = h/T} or any link {@code p(1|h) = q(h)} is a different kernel. Sampling, log-probabilities,
 * the two-step gradient, exact enumeration and the likelihood all go through these four functions.
 * Couplings between pixels are outside this SPI: every estimator, the chain and the exact references
 * rely on {@code A} factorizing over pixels given {@code h}.
 *
 * <p>Contract: pure functions of {@code h}, accurate for {@code |h|} large (no overflow, no NaN for a
 * finite field); {@code mean} in {@code [0, 1]}; consistent with each other (exact-check tests
 * {@code naturalSlope} against finite differences of {@code natural}). Bits: nelc's built-ins use
 * {@code StrictMath}, so a seed gives the same bits everywhere; a plugin should too. Thread safety:
 * one instance serves every thread ({@code reproduce} trains models in parallel): keep no mutable state.
 */
public interface VisibleKernel extends Named {
    /** {@code log(1 + e^{η(h)})}, i.e. {@code −log p(x_i = 0 | h)}. */
    double logPartition(double h);

    /** {@code p(x_i = 1 | h) = sigmoid(η(h))}. */
    double mean(double h);

    /** The natural parameter {@code η(h) = log p(1|h) − log p(0|h)}; the canonical kernel's is {@code h}. */
    default double natural(double h) {
        return h;
    }

    /** {@code dη/dh}; the canonical kernel's is 1. */
    default double naturalSlope(double h) {
        return 1.0;
    }

    /**
     * Whether {@code η(h) = h} exactly, so that nelc may use the field itself where the natural parameter
     * is needed (the paper's fast path; the results are the same). False unless a kernel says so.
     */
    default boolean canonical() {
        return false;
    }

    /** The setting keys this kernel understands ({@code --visible-kernel-setting KEY=VALUE}). */
    default Set<String> settings() {
        return Set.of();
    }

    /**
     * This kernel with {@code settings} applied: a new instance (this one keeps its defaults). The
     * default refuses every key; a kernel with settings checks them ({@link Settings#requireOnly}) and
     * returns a configured copy. Called with {@link Settings#NONE} it must return a kernel equal in
     * behavior to this one.
     *
     * @throws org.nelc.api.UserError for an unknown or out-of-range setting, naming it
     */
    default VisibleKernel configure(Settings settings) {
        settings.requireOnly("--visible-kernel-setting", name(), settings());
        return this;
    }

    /** The settings this instance was configured with ({@link Settings#NONE} for the defaults). */
    default Settings configuration() {
        return Settings.NONE;
    }
}

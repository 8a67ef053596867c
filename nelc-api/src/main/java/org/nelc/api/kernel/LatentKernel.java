package org.nelc.api.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.latent.ScoreFactor;

/**
 * The x→z kernel {@code Ā_{xz}} as a function of the logits {@code u = w̄·(x − c) + ā} (SPEC §2).
 * States are numbered {@code 0 … states()−1}; {@link #state} gives the vector {@code z} of a state.
 * All methods read the logits from {@code u[uOff … uOff+units()−1]} and allocate nothing.
 *
 * <p>Thread safety: a kernel belongs to one model, but a model may be read by several threads at once
 * (evaluation, the report's figures): keep no mutable state. Randomness comes only from the
 * {@code rng} argument, so a seed gives the same states everywhere.
 */
public interface LatentKernel {
    /** Name of the encoding that built this kernel, e.g. {@code "one-hot"}. */
    String encoding();

    /** Name of the normalization, e.g. {@code "sigmoid-ratio"}. */
    String normalization();

    /** Number of latent units {@code L}: length of {@code z} and of {@code u}. */
    int units();

    /** Number of latent states ({@code L} for one-hot, {@code 2^L} for bits). */
    int states();

    /** Writes the vector {@code z} of state {@code s} into {@code z[0 … units()−1]}. */
    void state(int s, double[] z);

    /**
     * Writes the indices {@code β} with {@code z_β = 1} of state {@code s} into {@code out} and
     * returns how many there are. The visible field is {@code h = a + Σ_{β active} w[:, β]}.
     */
    int activeUnits(int s, int[] out);

    /** Draws a state from {@code Ā(· | u)}. */
    int sample(double[] u, int uOff, UniformRandomProvider rng);

    /** {@code log Ā(s | u)}, computed in log space. */
    double logProb(double[] u, int uOff, int s);

    /** {@code log Ā(s | u)} for every state into {@code out[0 … states()−1]}. */
    void logProbs(double[] u, int uOff, double[] out);

    /**
     * The score factor {@code s_β(s | u)} for every unit β into {@code out[oOff … oOff+units()−1]}
     * (SPEC §4).
     */
    void score(double[] u, int uOff, int s, ScoreFactor factor, double[] out, int oOff);

    /**
     * Whether the visible bias {@code a} is a free parameter with this encoding. For one-hot it is
     * absorbed in {@code w} (Eq. 20) and stays 0.
     */
    boolean trainsVisibleBias();
}

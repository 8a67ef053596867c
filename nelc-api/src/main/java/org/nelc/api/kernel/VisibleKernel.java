package org.nelc.api.kernel;

import org.nelc.api.Named;

/**
 * The z→x kernel {@code A_{zx} = Π_i p(x_i | h_i)} for binary visible units, written as a
 * one-parameter exponential family in the field {@code h = w·z + a} (Eqs. 8, 10):
 * {@code log p(x_i | h) = x_i h − logPartition(h)}, {@code E[x_i] = mean(h)}. Because the derivative
 * of {@code log p} with respect to {@code h} is {@code x_i − mean(h)}, Eqs. 13a/13b hold for any
 * implementation. The default is {@code "bernoulli"} (softplus / sigmoid).
 */
public interface VisibleKernel extends Named {
    /** {@code log Σ_{x∈{0,1}} e^{x h}}; must be accurate for |h| large (no overflow). */
    double logPartition(double h);

    /** {@code E[x | h]}, the derivative of {@link #logPartition}. */
    double mean(double h);
}

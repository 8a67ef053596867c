package org.nelc.core.latent;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A latent kernel of nelc-core whose draw {@code z ~ Ā(· | u)} can use a workspace from the caller
 * (no allocation, each state's weight computed once instead of twice) and takes its randomness through
 * {@code nextDouble()} only, so a chain may hand it an inline generator.
 */
public interface WorkspaceSampler {
    /**
     * The same draw, from the same random numbers, as {@code LatentKernel.sample(u, uOff, rng)}.
     *
     * @param work at least {@link #workspaceSize()} doubles, overwritten
     */
    int sample(double[] u, int uOff, UniformRandomProvider rng, double[] work);

    /** Length of the workspace {@link #sample} needs. */
    int workspaceSize();
}

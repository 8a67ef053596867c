package org.nelc.api.model;

import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;

/**
 * Read access to a model's parameters {@code θ = (w, a, w̄, ā)} and centering vector {@code c}
 * (docs/model.md §1). The arrays are the live blocks: read them, do not write them.
 *
 * <p>Layout, written once here: {@code D = visibleSize()}, {@code L = latent().units()};
 * {@code w[i * L + β]} (D×L, drives z→x), {@code a[i]} (D), {@code wbar[β * D + i]} (L×D, drives
 * x→z), {@code abar[β]} (L), {@code centering[i]} (D). Gradients and optimizers use the same four
 * blocks in the order of {@link #BLOCKS}.
 */
public interface ModelView {
    /** Block names in the canonical order {w, a, wbar, abar}. */
    String[] BLOCKS = {"w", "a", "wbar", "abar"};
    int W = 0;
    int A = 1;
    int WBAR = 2;
    int ABAR = 3;

    int visibleSize();

    LatentKernel latent();

    VisibleKernel visible();

    double[] w();

    double[] a();

    double[] wbar();

    double[] abar();

    double[] centering();
}

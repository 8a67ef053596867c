package org.nelc.core.gradient;

import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.kernel.VisibleTables;

/**
 * A gradient estimator that can reuse the trainer's per-step {@link VisibleTables} (the z→x fields,
 * means and log-partitions the chain already computed) and size its buffers before a run. The trainer
 * uses these methods when the selected plugin implements this interface, and the plain SPI otherwise;
 * results must be the same bits either way.
 */
public interface TableAwareEstimator extends GradientEstimator {
    /** Sizes buffers for minibatches up to {@code maxBatch} rows and records up to {@code maxEntries}. */
    void reserve(ModelView model, Dataset data, int maxBatch, int maxEntries);

    /** As {@link #estimate(ModelView, Dataset, int[], ChainRecord, ScoreFactor, double[][])}, with up-to-date tables. */
    double estimate(ModelView model, VisibleTables tables, Dataset data, int[] batch, ChainRecord chain,
            ScoreFactor score, double[][] grad);
}

package org.nelc.core.train;

import java.util.List;
import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;

/**
 * The outcome of training: the model, the persistent chain as it ended, the optimizer's state, the
 * history and where the data came from.
 */
public record TrainedModel(Model model, TrainingConfig config, PersistentChain chain, double[][] optimizerState,
        List<EpochRecord> history, DataInfo data, double seconds) {

    /** Provenance of the training data. */
    public record DataInfo(String source, String fingerprint, int size, int dimension,
            java.util.Map<Integer, Integer> classCounts) {
        public static DataInfo of(Dataset d) {
            return new DataInfo(d.source(), d.fingerprint(), d.size(), d.dimension(), d.classCounts());
        }
    }

    public double finalLogLikelihood() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).logLikelihood();
    }

    public double finalSigma() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).sigma();
    }
}

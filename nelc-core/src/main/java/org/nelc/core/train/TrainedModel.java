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

    /**
     * Provenance of the training data, and how to load it again: {@code path} (null: the default MNIST
     * cache), {@code classes} and {@code perClass} of the selection (null / 0 when not recorded).
     */
    public record DataInfo(String source, String fingerprint, int size, int dimension,
            java.util.Map<Integer, Integer> classCounts, String path, java.util.List<Integer> classes, int perClass) {
        public DataInfo(String source, String fingerprint, int size, int dimension,
                java.util.Map<Integer, Integer> classCounts) {
            this(source, fingerprint, size, dimension, classCounts, null, null, 0);
        }

        public static DataInfo of(Dataset d) {
            var sel = d.selection();
            return new DataInfo(d.source(), d.fingerprint(), d.size(), d.dimension(), d.classCounts(), d.path(),
                    sel == null ? null : sel.classes(), sel == null ? 0 : sel.perClass());
        }

        /** The same provenance with the selection that produced it, so that the data can be reloaded. */
        public DataInfo withSelection(String dataPath, java.util.List<Integer> selectedClasses, int selectedPerClass) {
            return new DataInfo(source, fingerprint, size, dimension, classCounts, dataPath,
                    selectedClasses == null ? null : java.util.List.copyOf(selectedClasses), selectedPerClass);
        }

        public boolean hasSelection() {
            return classes != null && perClass > 0;
        }
    }

    /** This model with {@code info} as its data provenance. */
    public TrainedModel withData(DataInfo info) {
        return new TrainedModel(model, config, chain, optimizerState, history, info, seconds);
    }

    public double finalLogLikelihood() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).logLikelihood();
    }

    public double finalSigma() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).sigma();
    }
}

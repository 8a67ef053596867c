package org.nelc.core.train;

import java.util.List;
import org.nelc.api.data.DataSelection;
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
     * cache) and the {@code selection} (null when not recorded); the image shape ({rows, columns}, empty
     * for data that are not images, null when the file predates it) and the names of string labels.
     */
    public record DataInfo(String source, String fingerprint, int size, int dimension,
            java.util.Map<Integer, Integer> classCounts, String path, DataSelection selection,
            java.util.List<Integer> imageShape, java.util.Map<Integer, String> classNames) {
        public DataInfo {
            classNames = classNames == null ? java.util.Map.of() : java.util.Map.copyOf(classNames);
            imageShape = imageShape == null ? null : java.util.List.copyOf(imageShape);
        }

        public DataInfo(String source, String fingerprint, int size, int dimension,
                java.util.Map<Integer, Integer> classCounts) {
            this(source, fingerprint, size, dimension, classCounts, null, null, null, null);
        }

        public static DataInfo of(Dataset d) {
            int[] shape = d.imageShape();
            return new DataInfo(d.source(), d.fingerprint(), d.size(), d.dimension(), d.classCounts(), d.path(),
                    d.selection(), shape == null ? java.util.List.of() : java.util.List.of(shape[0], shape[1]),
                    d.classNames());
        }

        /** The same provenance with the selection that produced it, so that the data can be reloaded. */
        public DataInfo withSelection(String dataPath, DataSelection dataSelection) {
            return new DataInfo(source, fingerprint, size, dimension, classCounts, dataPath, dataSelection, imageShape,
                    classNames);
        }

        /** The same provenance with this image shape and these label names. */
        public DataInfo withLayout(java.util.List<Integer> shape, java.util.Map<Integer, String> names) {
            return new DataInfo(source, fingerprint, size, dimension, classCounts, path, selection, shape, names);
        }

        public boolean hasSelection() {
            return selection != null;
        }

        /** The selected classes, or null when no selection is recorded. */
        public java.util.List<Integer> classes() {
            return selection == null ? null : selection.classes();
        }

        /** Rows per class of the recorded selection, 0 when none is recorded. */
        public int perClass() {
            return selection == null ? 0 : selection.perClass();
        }
    }

    /** This model with {@code info} as its data provenance. */
    public TrainedModel withData(DataInfo info) {
        return toBuilder().data(info).build();
    }

    public double finalLogLikelihood() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).logLikelihood();
    }

    public double finalSigma() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).sigma();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().model(model).config(config).chain(chain).optimizerState(optimizerState).history(history)
                .data(data).seconds(seconds);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private Model model;
        private TrainingConfig config;
        private PersistentChain chain;
        private double[][] optimizerState;
        private List<EpochRecord> history;
        private DataInfo data;
        private double seconds;

        private Builder() {
        }

        public Builder model(Model v) {
            model = v;
            return this;
        }

        public Builder config(TrainingConfig v) {
            config = v;
            return this;
        }

        public Builder chain(PersistentChain v) {
            chain = v;
            return this;
        }

        public Builder optimizerState(double[][] v) {
            optimizerState = v;
            return this;
        }

        public Builder history(List<EpochRecord> v) {
            history = v;
            return this;
        }

        public Builder data(DataInfo v) {
            data = v;
            return this;
        }

        public Builder seconds(double v) {
            seconds = v;
            return this;
        }

        public TrainedModel build() {
            return new TrainedModel(model, config, chain, optimizerState, history, data, seconds);
        }
    }
}

package org.nelc.core.io;

import java.util.Map;
import org.nelc.core.model.Model;
import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.core.train.TrainingConfig;

/**
 * A model as stored in {@code model.json} (schema in {@code docs/model-json.md}).
 *
 * @param chainVisible the persistent chains' visible states (0/1 bytes), one per chain
 * @param chainRngStates the chains' random-generator states, one per chain (may be empty)
 * @param optimizerState the optimizer's state blocks (may be empty)
 * @param training summary numbers of the run (epochs, steps, seconds, final values)
 */
public record ModelFile(Model model, TrainingConfig config, DataInfo data, byte[][] chainVisible,
        byte[][] chainRngStates, double[][] optimizerState, Map<String, Object> training, String nelcVersion) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().model(model).config(config).data(data).chainVisible(chainVisible)
                .chainRngStates(chainRngStates).optimizerState(optimizerState).training(training)
                .nelcVersion(nelcVersion);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private Model model;
        private TrainingConfig config;
        private DataInfo data;
        private byte[][] chainVisible;
        private byte[][] chainRngStates;
        private double[][] optimizerState;
        private Map<String, Object> training;
        private String nelcVersion;

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

        public Builder data(DataInfo v) {
            data = v;
            return this;
        }

        public Builder chainVisible(byte[][] v) {
            chainVisible = v;
            return this;
        }

        public Builder chainRngStates(byte[][] v) {
            chainRngStates = v;
            return this;
        }

        public Builder optimizerState(double[][] v) {
            optimizerState = v;
            return this;
        }

        public Builder training(Map<String, Object> v) {
            training = v;
            return this;
        }

        public Builder nelcVersion(String v) {
            nelcVersion = v;
            return this;
        }

        public ModelFile build() {
            return new ModelFile(model, config, data, chainVisible, chainRngStates, optimizerState, training,
                    nelcVersion);
        }
    }
}

package org.nelc.app.experiment;

import java.nio.file.Path;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.core.train.EpochRecord;

/**
 * One complete model of an ensemble.
 *
 * @param seed its seed
 * @param dir its directory {@code DIR/models/seed-XX}
 * @param summary its summary row
 * @param evaluation its precise evaluation
 * @param history its training history
 * @param trained whether this invocation trained it (false: found complete by {@code --resume})
 * @param evaluated whether this invocation evaluated it
 */
public record ModelRun(long seed, Path dir, ModelSummary summary, Evaluation evaluation, List<EpochRecord> history,
        boolean trained, boolean evaluated) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().seed(seed).dir(dir).summary(summary).evaluation(evaluation).history(history)
                .trained(trained).evaluated(evaluated);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private long seed;
        private Path dir;
        private ModelSummary summary;
        private Evaluation evaluation;
        private List<EpochRecord> history;
        private boolean trained;
        private boolean evaluated;

        private Builder() {
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder dir(Path v) {
            dir = v;
            return this;
        }

        public Builder summary(ModelSummary v) {
            summary = v;
            return this;
        }

        public Builder evaluation(Evaluation v) {
            evaluation = v;
            return this;
        }

        public Builder history(List<EpochRecord> v) {
            history = v;
            return this;
        }

        public Builder trained(boolean v) {
            trained = v;
            return this;
        }

        public Builder evaluated(boolean v) {
            evaluated = v;
            return this;
        }

        public ModelRun build() {
            return new ModelRun(seed, dir, summary, evaluation, history, trained, evaluated);
        }
    }
}

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
}

package org.nelc.app.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running one ensemble.
 *
 * @param plan what was run
 * @param layout where it was written
 * @param runs the complete models, in seed order
 * @param failures one line per model that failed (diverged, …), in seed order
 * @param wallSeconds wall time of this invocation
 */
public record EnsembleResult(EnsemblePlan plan, EnsembleLayout layout, List<ModelRun> runs, List<String> failures,
        double wallSeconds) {
    public EnsembleResult {
        runs = List.copyOf(runs);
        failures = List.copyOf(failures);
    }

    public List<ModelSummary> summaries() {
        List<ModelSummary> out = new ArrayList<>(runs.size());
        for (ModelRun r : runs) {
            out.add(r.summary());
        }
        return out;
    }

    public long trainedCount() {
        return runs.stream().filter(ModelRun::trained).count();
    }

    /** Sum over models of their training wall time (as if run on one thread). */
    public double trainingSeconds() {
        double s = 0;
        for (ModelRun r : runs) {
            if (Double.isFinite(r.summary().trainingSeconds())) {
                s += r.summary().trainingSeconds();
            }
        }
        return s;
    }
}

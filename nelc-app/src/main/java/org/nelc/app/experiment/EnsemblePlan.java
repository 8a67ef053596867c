package org.nelc.app.experiment;

import java.util.List;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.train.TrainingConfig;

/**
 * What an ensemble is: a training configuration whose seed is replaced by each of {@code seeds}, and
 * how each trained model is evaluated. Model {@code s} is trained with {@code template.withSeed(s)} and
 * evaluated with seed {@code s}, so its files depend on its seed only — not on the thread count, the
 * other seeds, or whether the run was resumed.
 *
 * @param name the variant's name (a report label)
 * @param template the settings of every model; its seed is ignored
 * @param seeds the models' seeds, in order
 * @param chainLength double steps of the evaluation chain after burn-in (SPEC §6: 1e5)
 * @param burnIn discarded steps before it
 * @param rbSamples draws per row the Rao-Blackwellized M starts with
 * @param precision σ's relative standard error the draws grow for ({@code --precision}; 0: fixed draws)
 */
public record EnsemblePlan(String name, TrainingConfig template, List<Long> seeds, int chainLength, int burnIn,
        int rbSamples, double precision) {

    public EnsemblePlan {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new UserError("--models: an ensemble needs at least one model");
        }
        new EvaluationOptions(0, chainLength, burnIn, rbSamples).withPrecision(precision); // validates, naming the flag
    }

    /** With the default precision. */
    public EnsemblePlan(String name, TrainingConfig template, List<Long> seeds, int chainLength, int burnIn,
            int rbSamples) {
        this(name, template, seeds, chainLength, burnIn, rbSamples, RaoBlackwellEstimator.DEFAULT_PRECISION);
    }

    public TrainingConfig config(long seed) {
        return template.withSeed(seed);
    }

    public EvaluationOptions evaluation(long seed) {
        return new EvaluationOptions(seed, chainLength, burnIn, rbSamples).withPrecision(precision);
    }

    /** The same plan for another kernel/score combination (SPEC §4). */
    public EnsemblePlan forVariant(Variant v) {
        TrainingConfig c = template;
        TrainingConfig t = new TrainingConfig(c.latent(), v.normalization(), ScoreFactor.parse(v.score()),
                c.visibleKernel(), c.gradient(), c.optimizer(), c.learningRate(), c.optimizerSettings(), c.epochs(),
                c.stepsPerEpoch(), c.batchMin(), c.batchMax(), c.chainSteps(), c.chains(), c.seed(), c.initFraction(),
                c.initClip(), c.centering(), c.model());
        return new EnsemblePlan(v.name(), t, seeds, chainLength, burnIn, rbSamples, precision);
    }
}

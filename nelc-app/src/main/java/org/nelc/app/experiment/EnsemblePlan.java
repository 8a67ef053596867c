package org.nelc.app.experiment;

import java.util.List;
import org.nelc.analysis.evaluate.EvaluationOptions;
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
 * @param precision σ's relative standard error its draws grow for ({@code --precision}; 0: fixed draws)
 */
public record EnsemblePlan(String name, TrainingConfig template, List<Long> seeds, int chainLength, int burnIn,
        int rbSamples, double precision) {

    public EnsemblePlan {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new UserError("--models: an ensemble needs at least one model");
        }
        // validates, naming the flag (the parameters: the fields are assigned after this body)
        EvaluationOptions.builder().chainLength(chainLength).burnIn(burnIn).rbSamples(rbSamples).precision(precision)
                .build();
    }

    /** A plan whose models are evaluated with {@code evaluation}'s settings (its seed is each model's). */
    public EnsemblePlan(String name, TrainingConfig template, List<Long> seeds, EvaluationOptions evaluation) {
        this(name, template, seeds, evaluation.chainLength(), evaluation.burnIn(), evaluation.rbSamples(),
                evaluation.precision());
    }

    public TrainingConfig config(long seed) {
        return template.withSeed(seed);
    }

    public EvaluationOptions evaluation(long seed) {
        return EvaluationOptions.builder().seed(seed).chainLength(chainLength).burnIn(burnIn).rbSamples(rbSamples)
                .precision(precision).build();
    }

    /** The same plan for another kernel/score combination (SPEC §4). */
    public EnsemblePlan forVariant(Variant v) {
        TrainingConfig t = template.toBuilder().normalization(v.normalization()).score(ScoreFactor.parse(v.score()))
                .build();
        return new EnsemblePlan(v.name(), t, seeds, evaluation(0));
    }
}

package org.nelc.analysis.evaluate;

import java.util.List;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The transition-matrix estimators an evaluation uses (docs/model.md §7), made afresh for each evaluation
 * because they are seeded from it. The {@link Evaluator} asks for {@code count} and {@code rao-blackwell}
 * by name (the diagnostics read both), so a replacement keeps those names — e.g. a plugin's Guice module
 * that binds this interface to estimators of its own (docs/plugins.md, "Guice modules"); other names are
 * extra estimates a plugin diagnostic may ask the context for.
 */
@FunctionalInterface
public interface TransitionEstimators {
    /**
     * The built-in pair: {@code count}, and {@code rao-blackwell} starting with the options' draws per row,
     * seeded from {@code seeds.child("rao-blackwell")}, growing them for σ's relative standard error to reach
     * the options' precision (0: no target, fixed draws) within their maximum.
     */
    TransitionEstimators STANDARD = (options, seeds) -> {
        RaoBlackwellEstimator rb = new RaoBlackwellEstimator(options.rbSamples(),
                seeds.child(SeedStreams.RAO_BLACKWELL));
        if (options.precision() > 0) {
            rb = rb.withPrecision(options.precision(), options.maxRbSamples());
        }
        return List.of(new CountEstimator(), rb);
    };

    /**
     * @param options the evaluation's settings (draws per row, precision target)
     * @param seeds the evaluation's seed tree ({@code SeedTree.root(seed).child("evaluate")})
     */
    List<TransitionEstimator> create(EvaluationOptions options, SeedTree seeds);
}

package org.nelc.analysis.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.model.ModelView;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The {@link DiagnosticContext} of one evaluation: a model, its data, a long latent trajectory and
 * the transition estimators by name. Each estimate is computed on first request and cached, so any
 * number of diagnostics share one count matrix and one Rao-Blackwellized matrix. Thread-safe.
 */
public final class EvaluationContext implements DiagnosticContext {
    private final ModelView model;
    private final Dataset data;
    private final int[] trajectory;
    private final Map<String, TransitionEstimator> estimators = new LinkedHashMap<>();
    private final Map<String, TransitionEstimate> cache = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public EvaluationContext(ModelView model, Dataset data, int[] trajectory, List<TransitionEstimator> estimators) {
        this.model = model;
        this.data = data;
        this.trajectory = trajectory;
        for (TransitionEstimator e : estimators) {
            this.estimators.put(e.name(), e);
        }
    }

    /**
     * The two built-in estimators: {@code count}, and {@code rao-blackwell} with {@code rbSamples} draws
     * per row seeded from {@code seeds.child("rao-blackwell")}.
     */
    public static EvaluationContext standard(ModelView model, Dataset data, int[] trajectory, int rbSamples,
            SeedTree seeds) {
        return new EvaluationContext(model, data, trajectory,
                List.of(new CountEstimator(), new RaoBlackwellEstimator(rbSamples, seeds.child(SeedStreams.RAO_BLACKWELL))));
    }

    @Override
    public ModelView model() {
        return model;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public int[] trajectory() {
        return trajectory;
    }

    @Override
    public synchronized TransitionEstimate transitions(String estimator) {
        TransitionEstimate t = cache.get(estimator);
        if (t == null) {
            TransitionEstimator e = estimators.get(estimator);
            if (e == null) {
                throw new UserError("no transition estimator named '" + estimator + "' (known: "
                        + String.join(", ", estimators.keySet()) + ")");
            }
            long start = System.nanoTime();
            t = e.estimate(model, trajectory);
            seconds.put(estimator, (System.nanoTime() - start) * 1e-9);
            cache.put(estimator, t);
        }
        return t;
    }

    /** Wall time spent computing each estimate so far, by estimator name. */
    public synchronized Map<String, Double> estimateSeconds() {
        return Map.copyOf(seconds);
    }
}

package org.nelc.analysis.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nelc.analysis.spectrum.DecorrelationTime;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.KernelTables;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.analysis.transition.ReplicatedEstimate;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.analysis.uncertainty.Jackknife;
import org.nelc.analysis.uncertainty.TrajectoryBatches;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.model.ModelView;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.math.LogMath;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The {@link DiagnosticContext} of one evaluation: a model, its data, a long latent trajectory and
 * the transition estimators by name. Each estimate is computed on first request and cached, so any
 * number of diagnostics share one count matrix and one Rao-Blackwellized matrix — each with its
 * jackknife replicates, from which {@link #measure} and {@link #measureOccupancy} give every derived
 * number its standard error (docs/uncertainty.md). Thread-safe.
 */
public final class EvaluationContext implements DiagnosticContext {
    private final ModelView model;
    private final Dataset data;
    private final int[] trajectory;
    private final Map<String, TransitionEstimator> estimators = new LinkedHashMap<>();
    private final Map<String, ReplicatedEstimate> cache = new LinkedHashMap<>();
    private TrajectoryBatches batches;
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
     * The two built-in estimators: {@code count}, and {@code rao-blackwell} starting with {@code rbSamples}
     * draws per row, seeded from {@code seeds.child("rao-blackwell")}, growing them for σ's relative
     * standard error to reach {@code precision} (0: no target, fixed draws) within {@code maxSamples}.
     */
    public static EvaluationContext standard(ModelView model, Dataset data, int[] trajectory, int rbSamples,
            double precision, int maxSamples, SeedTree seeds) {
        RaoBlackwellEstimator rb = new RaoBlackwellEstimator(rbSamples, seeds.child(SeedStreams.RAO_BLACKWELL));
        if (precision > 0) {
            rb = rb.withPrecision(precision, maxSamples);
        }
        return new EvaluationContext(model, data, trajectory, List.of(new CountEstimator(), rb));
    }

    /** {@link #standard(ModelView, Dataset, int[], int, double, int, SeedTree)} with the options' settings. */
    public static EvaluationContext standard(ModelView model, Dataset data, int[] trajectory,
            EvaluationOptions options, SeedTree seeds) {
        return standard(model, data, trajectory, options.rbSamples(), options.precision(), options.maxRbSamples(),
                seeds);
    }

    /** Fixed draws per row, no precision target. */
    public static EvaluationContext standard(ModelView model, Dataset data, int[] trajectory, int rbSamples,
            SeedTree seeds) {
        return standard(model, data, trajectory, rbSamples, 0, rbSamples, seeds);
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
    public TransitionEstimate transitions(String estimator) {
        return replicated(estimator).estimate();
    }

    /** The named estimate with its jackknife replicates, computed once. */
    public synchronized ReplicatedEstimate replicated(String estimator) {
        ReplicatedEstimate t = cache.get(estimator);
        if (t == null) {
            TransitionEstimator e = estimators.get(estimator);
            if (e == null) {
                throw new UserError("no transition estimator named '" + estimator + "' (known: "
                        + String.join(", ", estimators.keySet()) + ")");
            }
            long start = System.nanoTime();
            t = e.estimateWithReplicates(model, trajectory);
            seconds.put(estimator, (System.nanoTime() - start) * 1e-9);
            cache.put(estimator, t);
        }
        return t;
    }

    @Override
    public Measurement measure(String estimator, String key, String description, String unit,
            ToDoubleFunction<TransitionEstimate> f) {
        ReplicatedEstimate r = replicated(estimator);
        double value = f.applyAsDouble(r.estimate());
        double[] reps = new double[r.replicates().size()];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = f.applyAsDouble(r.replicates().get(k));
        }
        String note = r.note();
        if (CountEstimator.NAME.equals(estimator)) {
            note = join(note, batchCaveat());
        }
        return jackknifed(key, description, unit, value, reps, r.method(), note);
    }

    @Override
    public Measurement measureOccupancy(String key, String description, String unit, ToDoubleFunction<double[]> f) {
        return occupancyMeasurement(key, description, unit, f, "");
    }

    private Measurement occupancyMeasurement(String key, String description, String unit,
            ToDoubleFunction<double[]> f, String methodPrefix) {
        TrajectoryBatches b = batches();
        double value = f.applyAsDouble(PreciseLikelihood.occupancy(trajectory, model.latent().states()));
        double[] reps = new double[b.count()];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = f.applyAsDouble(b.occupancyWithout(k));
        }
        String method = methodPrefix + "delete-one jackknife over " + b.count() + " contiguous batches of " + b.batchLength()
                + " double steps of the trajectory (batch means of the occupancy)";
        return jackknifed(key, description, unit, value, reps, method, batchCaveat());
    }

    /**
     * The precise log-likelihood (App. A.3, docs/model.md §6) as a function of the occupancy p̄, with its
     * Monte-Carlo error: how far the finite chain's p̄ may leave {@code mean_x log Σ_z p̄(z) A_{zx}} from
     * its value at the model's stationary p̄ — not the spread over images, which describes the data.
     * The per-state {@code log A_{zx}} of every image is computed once; each replicate is then a
     * log-sum-exp per image. The value equals {@code PreciseLikelihood}'s up to rounding (the sums are
     * taken in another order). Key {@code log-likelihood}, nats per image.
     */
    public Measurement logLikelihood() {
        KernelTables tables = new KernelTables(model);
        int states = tables.states();
        int n = data.size();
        double[][] logA = new double[states][n];
        double[] h = new double[tables.dimension()];
        int[] scratch = new int[tables.units()];
        for (int z = 0; z < states; z++) {
            double lz = tables.naturalField(z, h, scratch);
            for (int m = 0; m < n; m++) {
                double s = -lz;
                for (int i : data.active(m)) {
                    s += h[i];
                }
                logA[z][m] = s;
            }
        }
        double[] v = new double[states];
        return occupancyMeasurement("log-likelihood", "log-likelihood (chain occupancy)", "nats/image", p -> {
            double total = 0;
            for (int m = 0; m < n; m++) {
                for (int z = 0; z < states; z++) {
                    v[z] = p[z] > 0 ? StrictMath.log(p[z]) + logA[z][m] : Double.NEGATIVE_INFINITY;
                }
                total += LogMath.logSumExp(v, 0, states);
            }
            return total / n;
        }, "Monte-Carlo error of the chain's occupancy p̄: ");
    }

    private synchronized TrajectoryBatches batches() {
        if (batches == null) {
            batches = new TrajectoryBatches(trajectory, model.latent().states(), TrajectoryBatches.DEFAULT_BATCHES);
        }
        return batches;
    }

    /**
     * Batch means are independent only when a batch is much longer than the decorrelation time: the
     * caveat when a batch is shorter than 10 τ of the counted M.
     */
    private String batchCaveat() {
        TransitionEstimate count = transitions(CountEstimator.NAME);
        double tau = DecorrelationTime.of(count.matrix(), count.states(), count.visited()).tau();
        int length = batches().batchLength();
        if (!(10 * tau < length)) {
            return String.format("batches of %d double steps are not much longer than τ = %.3g: the error may be "
                    + "underestimated", length, tau);
        }
        return "";
    }

    private static Measurement jackknifed(String key, String description, String unit, double value, double[] reps,
            String method, String note) {
        double se = Jackknife.standardError(reps);
        String m = method;
        if (reps.length < 2) {
            m = "not estimated: too few parts for a jackknife; " + method;
        } else if (!Double.isFinite(value)) {
            se = Double.NaN;
            m = "not estimated: the value is not finite; " + method;
        } else if (Double.isNaN(se)) {
            m = "not estimated: " + Jackknife.undefined(reps) + " of " + reps.length
                    + " replicates are not finite; " + method;
        }
        return Measurement.builder().key(key).description(description).value(value).standardError(se).unit(unit)
                .method(m).note(note).build();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** Wall time spent computing each estimate so far, by estimator name. */
    public synchronized Map<String, Double> estimateSeconds() {
        return Map.copyOf(seconds);
    }
}

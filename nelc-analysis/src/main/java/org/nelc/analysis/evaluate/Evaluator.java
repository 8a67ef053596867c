package org.nelc.analysis.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.analysis.baseline.ExactLikelihoodDiagnostic;
import org.nelc.analysis.classes.ClassKlDiagnostic;
import org.nelc.analysis.cycles.CyclesDiagnostic;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.spectrum.DecorrelationTimeDiagnostic;
import org.nelc.analysis.spectrum.SelfTransitionDiagnostic;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.analysis.sparse.SparseEvaluation;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.io.ModelFile;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The precise evaluation of a model (docs/model.md §6–7, what {@code nelc evaluate} prints and writes): one
 * chain of {@code burnIn + chainLength} double steps, the precise log-likelihood from its occupancy
 * ({@link PreciseLikelihood}), the counted and Rao-Blackwellized {@code M}, and every {@link Diagnostic}
 * given — the built-in ones (σ, τ, {@code Tr(M)/L}, class KL, cycles) and any plugin's alike, each run as
 * a guest (see {@link #run}). Streams: {@code SeedTree.root(seed)
 * .child("evaluate")} → {@code "chain"} (the chain), {@code "init"} (the starting data row when no
 * chain state is given), {@code "rao-blackwell"} (the estimator's draws). Same inputs, same numbers.
 */
public final class Evaluator {
    private final List<Diagnostic> diagnostics;
    private final TransitionEstimators estimators;

    /** The built-in diagnostics, in the order every output shows them (the others follow in their given order). */
    public static final List<String> BUILT_IN_ORDER = List.of(ExactLikelihoodDiagnostic.NAME, EntropyProductionDiagnostic.NAME,
            DecorrelationTimeDiagnostic.NAME, SelfTransitionDiagnostic.NAME, ClassKlDiagnostic.NAME, CyclesDiagnostic.NAME);

    /** @param diagnostics run after the log-likelihood: the built-in ones first ({@link #BUILT_IN_ORDER}), then the others */
    public Evaluator(List<Diagnostic> diagnostics) {
        this(diagnostics, TransitionEstimators.STANDARD);
    }

    /**
     * @param estimators the transition-matrix estimators of each evaluation; they must include {@code count}
     *     and {@code rao-blackwell} (the built-in diagnostics and {@code evaluation.json} read both)
     */
    public Evaluator(List<Diagnostic> diagnostics, TransitionEstimators estimators) {
        this.estimators = estimators;
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(java.util.Comparator.comparingInt(d -> {
            int k = BUILT_IN_ORDER.indexOf(d.name());
            return k < 0 ? BUILT_IN_ORDER.size() : k;
        }));
        this.diagnostics = List.copyOf(sorted);
    }

    /** The diagnostics visible to this module's class loader (this module's five, and any plugin's). */
    public static List<Diagnostic> discoverDiagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : ServiceLoader.load(Diagnostic.class, Evaluator.class.getClassLoader())) {
            out.add(d);
        }
        out.sort(java.util.Comparator.comparing(Diagnostic::name));
        return out;
    }

    /** Evaluates a loaded model file, starting from its saved chain 0 (or a data row if none was saved). */
    public Evaluation evaluate(ModelFile file, Dataset data, EvaluationOptions options) {
        return evaluate(file, data, options, PreciseLikelihood.Progress.NONE);
    }

    /** As {@link #evaluate(ModelFile, Dataset, EvaluationOptions)}, reporting the chain's progress. */
    public Evaluation evaluate(ModelFile file, Dataset data, EvaluationOptions options,
            PreciseLikelihood.Progress progress) {
        byte[][] vis = file.chainVisible();
        return evaluate(file.model(), data, vis != null && vis.length > 0 ? vis[0] : null, options, progress);
    }

    /** Evaluates starting from a data row drawn from the {@code init} stream. */
    public Evaluation evaluate(Model model, Dataset data, EvaluationOptions options) {
        return evaluate(model, data, null, options);
    }

    /**
     * @param initialVisible the chain's starting visible state (0/1, length D), e.g. the model's saved
     *     chain; null to start from a data row chosen by the seed
     */
    public Evaluation evaluate(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options) {
        return evaluate(model, data, initialVisible, options, PreciseLikelihood.Progress.NONE);
    }

    /**
     * As {@link #evaluate(Model, Dataset, byte[], EvaluationOptions)}, reporting the chain's progress. A
     * latent space beyond {@link TransitionEstimator#MAX_STATES} states (bits:12 and up) has no dense
     * {@code M}: it is evaluated sparsely, as {@code nelc compare} does ({@link #sparse}).
     */
    public Evaluation evaluate(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options,
            PreciseLikelihood.Progress progress) {
        if (model.latent().states() > TransitionEstimator.MAX_STATES) {
            return sparse(model, data, initialVisible, options, progress);
        }
        long t0 = System.nanoTime();
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new UserError("evaluate: the data (" + data.source() + ") has " + data.dimension()
                    + " pixels per row, the model " + d);
        }
        SeedTree root = SeedTree.root(options.seed()).child(SeedStreams.EVALUATE);
        String initial;
        byte[] x0;
        if (initialVisible != null) {
            if (initialVisible.length != d) {
                throw new IllegalArgumentException("initial state length " + initialVisible.length + " != " + d);
            }
            x0 = initialVisible.clone();
            initial = "model chain";
        } else {
            int row = root.child(SeedStreams.INIT).stream().nextInt(data.size());
            x0 = java.util.Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
            initial = "data row " + row;
        }
        PersistentChain chain = new PersistentChain(new byte[][] {x0},
                new RestorableUniformRandomProvider[] {root.child(SeedStreams.CHAIN).stream()});
        PreciseLikelihood.Result precise = PreciseLikelihood.compute(model, data, chain, options.burnIn(),
                options.chainLength(), progress);
        long t1 = System.nanoTime();

        EvaluationContext context = new EvaluationContext(model, data, precise.trajectory(),
                estimators.create(options, root));
        TransitionEstimate count = context.transitions(CountEstimator.NAME);
        long t2 = System.nanoTime();
        TransitionEstimate rb = context.transitions(RaoBlackwellEstimator.NAME);
        long t3 = System.nanoTime();

        List<DiagnosticResult> results = new ArrayList<>();
        results.add(LogLikelihoodResult.of(precise.summary(), context.logLikelihood(), options.chainLength()));
        for (Diagnostic diag : diagnostics) {
            results.add(run(diag, context));
        }
        long t4 = System.nanoTime();

        var timings = new Evaluation.Timings(seconds(t0, t1), seconds(t1, t2), seconds(t2, t3), seconds(t3, t4),
                seconds(t0, t4));
        return Evaluation.builder().model(Evaluation.ModelInfo.of(model)).data(dataInfo(data)).seed(options.seed())
                .chainLength(options.chainLength()).burnIn(options.burnIn()).rbSamples(options.rbSamples())
                .initialState(initial).occupancy(precise.occupancy())
                .transitions(List.of(MatrixSummary.of(count), MatrixSummary.of(rb))).diagnostics(results)
                .timings(timings).precision(options.precision()).build();
    }

    private static Evaluation.DataInfo dataInfo(Dataset data) {
        return new Evaluation.DataInfo(data.source(), data.fingerprint(), data.size(), data.classCounts());
    }

    /**
     * The evaluation of a latent space too large for a dense {@code M} ({@link SparseEvaluation}: the same
     * chain, streams and precise log-likelihood; transitions counted in a hash map). What needs only the
     * visited states is measured — the log-likelihood and σ from the counts (each with its batch jackknife),
     * the class KL — and every other diagnostic (τ, {@code Tr(M)/L}, cycles, the Rao-Blackwellized σ, plugins)
     * is "not available" with the reason. No transition matrix is written.
     */
    private Evaluation sparse(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options,
            PreciseLikelihood.Progress progress) {
        long t0 = System.nanoTime();
        SparseEvaluation s = SparseEvaluation.of(model, data, initialVisible, options, progress);
        var latent = model.latent();
        String why = "needs the dense M: the model has " + latent.states() + " latent states (" + latent.encoding() + ":"
                + latent.units() + "), dense estimates stop at " + TransitionEstimator.MAX_STATES
                + " (this evaluation is sparse: counts of the visited states only)";
        List<DiagnosticResult> results = new ArrayList<>();
        results.add(LogLikelihoodResult.of(s.logLikelihood(), s.logLikelihoodMeasurement(), options.chainLength()));
        for (Diagnostic diag : diagnostics) {
            String name = diag.name();
            if (name.equals(EntropyProductionDiagnostic.NAME)) {
                results.add(DiagnosticResult.of(name, List.of(s.sigmaCountMeasurement(), Measurement.exact(
                        "one-way-pairs.count",
                        "one-way pairs skipped, counted M", s.oneWayPairs(), "")), Map.of("sparse", why)));
            } else if (name.equals(ClassKlDiagnostic.NAME)) {
                results.add(s.classes() != null ? ClassKlDiagnostic.result(s.classes(), s.classKlMeasurement())
                        : DiagnosticResult.notAvailable(name, ClassKlDiagnostic.NO_LABELS));
            } else {
                results.add(DiagnosticResult.notAvailable(name, why));
            }
        }
        double total = seconds(t0, System.nanoTime());
        return Evaluation.builder().model(Evaluation.ModelInfo.of(model)).data(dataInfo(data)).seed(options.seed())
                .chainLength(options.chainLength()).burnIn(options.burnIn()).rbSamples(options.rbSamples())
                .initialState(s.initialState()).occupancy(s.occupancy()).transitions(List.of()).diagnostics(results)
                .timings(new Evaluation.Timings(total, 0, 0, 0, total)).build();
    }

    /**
     * Runs one diagnostic as a guest: whatever it throws (a plugin's bug, a missing class), or a result that
     * cannot be written as JSON, becomes {@link DiagnosticResult#failed} with a one-line reason, and the
     * evaluation goes on. A result filed under another name is filed under the diagnostic's own.
     */
    static DiagnosticResult run(Diagnostic diag, EvaluationContext context) {
        String name = diag.name();
        try {
            DiagnosticResult r = diag.compute(context);
            if (r == null) {
                return DiagnosticResult.failed(name, "returned no result");
            }
            if (!r.diagnostic().equals(name)) {
                r = new DiagnosticResult(name, r.status(), r.message(), r.measurements(), r.details());
            }
            Evaluation.checkWritable(r);
            return r;
        } catch (RuntimeException | LinkageError | com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            return DiagnosticResult.failed(name, e.getClass().getSimpleName() + why);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) * 1e-9;
    }
}

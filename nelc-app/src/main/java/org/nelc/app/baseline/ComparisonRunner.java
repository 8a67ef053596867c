package org.nelc.app.baseline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nelc.analysis.baseline.BernoulliMixture;
import org.nelc.analysis.baseline.BernoulliMixtureEm;
import org.nelc.analysis.baseline.EmSettings;
import org.nelc.analysis.baseline.MixtureFit;
import org.nelc.analysis.baseline.RbmLikelihood;
import org.nelc.analysis.classes.ClassAssignment;
import org.nelc.analysis.classes.ClassKl;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.data.Dataset;
import org.nelc.core.gradient.RbmExactEstimator;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.io.ModelIO;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.train.EpochRecord;
import org.nelc.core.train.ModelKind;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * Runs {@code nelc compare}: for one data set and latent size, trains the nonequilibrium model and the
 * equilibrium RBM for each of their seeds and fits the Bernoulli mixture by EM, then evaluates all of
 * them the same way ({@link Evaluator}: precise log-likelihood from a long chain, σ, τ, class KL) and,
 * where it is known, the exact log-likelihood. Every job — one seed's training and evaluation, or one
 * EM restart — runs on a pool of {@code threads}; each is fixed by its seed, so the numbers do not depend
 * on the thread count.
 *
 * <p>Files, under {@code out}: {@code neq/seed-S/}, {@code rbm-pcd/seed-S/} and {@code rbm-exact/seed-S/} with
 * {@code model.json},
 * {@code history.csv} and {@code evaluation.json}; {@code em/} with {@code em.json},
 * {@code components.png} and the evaluation of the best mixture as an RBM.
 */
public final class ComparisonRunner {
    /** Why an EM restart other than the best has no measurements. */
    static final String NOT_EVALUATED_EM = "not evaluated: an EM restart other than the best has its exact LL only "
            + "(only the best restart is evaluated, as the one-hot RBM it is)";

    /** Most mixture components EM is run with (a bits model with 2^L states is compared with 2^L). */
    public static final int MAX_EM_COMPONENTS = 1024;

    private final Trainer trainer;
    private final PrintWriter progress;
    private final Evaluator evaluator;
    private final AtomicInteger done = new AtomicInteger();
    private final Map<Integer, Double> emCpu = new java.util.concurrent.ConcurrentHashMap<>();
    private int total;
    private double predictedTotal;
    private double predictedDone;
    private long startNanos;

    /**
     * @param trainer trains every NEQ and RBM run (the bound one)
     * @param evaluator evaluates every trained model (the bound one: its diagnostics and transition estimators)
     * @param progress receives one line per finished job (null for none)
     */
    public ComparisonRunner(Trainer trainer, Evaluator evaluator, PrintWriter progress) {
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.progress = progress;
    }

    /** One training job of the grid: a family at a learning rate with a seed. */
    private record Job(String kind, TrainingConfig config) {
    }

    /** The grid's training jobs, family by family, then learning rate, then seed; and what was skipped. */
    private static List<Job> jobs(ComparisonSettings s, int states, List<String> notes) {
        List<Job> jobs = new ArrayList<>();
        for (double lr : s.learningRates()) {
            for (long seed : s.neqSeeds()) {
                jobs.add(new Job("neq", withLearningRate(s.neq(), lr).withSeed(seed)));
            }
        }
        for (String gradient : s.rbmGradients()) {
            if (gradient.equals(RbmExactEstimator.NAME) && states > RbmExactEstimator.MAX_STATES) {
                notes.add("rbm-exact skipped: " + states + " latent states are more than it enumerates per step ("
                        + RbmExactEstimator.MAX_STATES + ")");
                continue;
            }
            for (double lr : s.learningRates()) {
                TrainingConfig rbm = withLearningRate(s.neq(), lr).equilibrium(gradient);
                for (long seed : s.rbmSeeds()) {
                    jobs.add(new Job(gradient, rbm.withSeed(seed)));
                }
            }
        }
        return jobs;
    }

    /**
     * What {@link #run} will do and roughly what it costs, before it starts: the jobs per family and the
     * CPU seconds predicted by {@link CostModel} (measured per-step costs on a 2-core AMD EPYC; a rough
     * guide — the progress lines correct it with the jobs' measured times).
     */
    public record Plan(Map<String, Integer> jobs, int emRestarts, double cpuSeconds, int threads) {
        public String describe() {
            StringBuilder sb = new StringBuilder();
            int n = emRestarts;
            for (Map.Entry<String, Integer> e : jobs.entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
                n += e.getValue();
            }
            if (emRestarts > 0) {
                sb.append(", ").append(emRestarts).append(" EM restarts");
            }
            return String.format(Locale.ROOT, "compare: %d jobs (%s); estimated CPU %s, about %s wall on %d threads "
                    + "of an idle machine", n, sb, CostModel.duration(cpuSeconds),
                    CostModel.duration(cpuSeconds / Math.max(1, threads)), threads);
        }
    }

    /** The jobs {@link #run} would run on {@code data} and their predicted CPU time. */
    public Plan plan(ComparisonSettings s, Dataset data) {
        int states = trainer.newModel(s.neq(), data).latent().states();
        Map<String, Integer> counts = new LinkedHashMap<>();
        double cpu = 0;
        for (Job j : jobs(s, states, new ArrayList<>())) {
            counts.merge(j.kind(), 1, Integer::sum);
            cpu += CostModel.trainAndEvaluate(j.kind(), j.config(), data, states, s.evaluation());
        }
        int restarts = states <= MAX_EM_COMPONENTS ? s.em().restarts() : 0;
        cpu += restarts * CostModel.emRestart(data, states, s.em().maxIterations());
        return new Plan(counts, restarts, cpu, s.threads());
    }

    public Comparison run(ComparisonSettings s, Dataset data) {
        startNanos = System.nanoTime();
        int states = trainer.newModel(s.neq(), data).latent().states();
        List<String> notes = new ArrayList<>();
        if (states > TransitionEstimator.MAX_STATES) {
            notes.add(states + " latent states: evaluated sparsely (visited states only; no Rao-Blackwellized M, "
                    + "no tau), see SparseEvaluation");
        }
        boolean withEm = states <= MAX_EM_COMPONENTS;
        EmSettings em = s.em().withComponents(states);
        if (!withEm) {
            notes.add("EM skipped: " + states + " components (2^L) are more than " + MAX_EM_COMPONENTS);
        }

        List<Callable<Run>> runs = new ArrayList<>();
        for (Job j : jobs(s, states, notes)) {
            double cost = CostModel.trainAndEvaluate(j.kind(), j.config(), data, states, s.evaluation());
            predictedTotal += cost;
            runs.add(() -> trainAndEvaluate(j.kind(), j.config(), data, s, cost));
        }
        List<Callable<MixtureFit>> restarts = new ArrayList<>();
        if (withEm) {
            double cost = CostModel.emRestart(data, states, em.maxIterations());
            for (int r = 0; r < em.restarts(); r++) {
                int restart = r;
                predictedTotal += cost;
                restarts.add(() -> {
                    long cpu0 = CostModel.threadCpuNanos();
                    MixtureFit f = BernoulliMixtureEm.fitOne(data, em, restart);
                    emCpu.put(restart, (CostModel.threadCpuNanos() - cpu0) * 1e-9);
                    report(String.format(Locale.ROOT, "em restart %d: %.3f nats/image, %d iterations (%.1f s)",
                            restart, f.logLikelihood(), f.iterations(), f.seconds()), cost);
                    return f;
                });
            }
        }
        total = runs.size() + restarts.size() + (withEm ? 1 : 0);
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        List<Run> finished = new ArrayList<>();
        try {
            List<Future<MixtureFit>> emFutures = new ArrayList<>();
            for (Callable<MixtureFit> c : restarts) {
                emFutures.add(pool.submit(c));
            }
            List<Future<Run>> futures = new ArrayList<>();
            for (Callable<Run> c : runs) {
                futures.add(pool.submit(c));
            }
            List<MixtureFit> fits = new ArrayList<>();
            for (Future<MixtureFit> f : emFutures) {
                fits.add(get(f));
            }
            Future<Run> emRow = null;
            if (withEm) {
                BernoulliMixtureEm.Result result = best(em, fits);
                emRow = pool.submit(() -> emRow(result, data, s));
            }
            for (Future<Run> f : futures) {
                finished.add(get(f));
            }
            if (emRow != null) {
                Run best = get(emRow);
                finished.add(best);
                for (MixtureFit f : fits) {
                    if (f.restart() != best.row().seed()) {
                        finished.add(new Run(ComparisonRow.builder().model("em").selected(true).seed(f.restart())
                                .logLikelihood(f.logLikelihood(), f.summary().standardError(), "exact")
                                .seconds(f.seconds(), 0, emCpu.get(f.restart())).directory("em")
                                .notEvaluated(NOT_EVALUATED_EM).build(), f.perPoint()));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ComparisonRow> plain = new ArrayList<>();
        for (Run r : finished) {
            plain.add(r.row());
        }
        List<LearningRateGrid.Point> grid = LearningRateGrid.points(plain, Comparison.TRAINED);
        List<ComparisonRow> rows = pairedGaps(Comparison.select(plain, grid), finished);
        notes.addAll(0, LearningRateGrid.notes(grid, Comparison.TRAINED));
        notes.add("LL: exact where known (RBM: closed-form partition function over the latent states; EM: the "
                + "mixture's), else the precise LL from the occupancy of a chain of " + s.evaluation().chainLength()
                + " double steps (NEQ). 'LL chain' is that chain estimate for every model: far from 'LL' means the "
                + "model's own chain does not mix.");
        notes.add("gaps: to the best EM restart and to the best NEQ run at NEQ's chosen lr, each ± the standard error "
                + "of the per-image differences log p(x) - log p_ref(x) (paired: both models find the same images "
                + "hard); it leaves out the chain noise of a chain-estimated LL (NEQ: a few hundredths of a nat)");
        if (!s.rbmSeeds().isEmpty() && s.rbmSeeds().size() != s.neqSeeds().size()) {
            notes.add("best rows are the best of each family's seeds: with " + s.neqSeeds().size() + " NEQ and "
                    + s.rbmSeeds().size() + " RBM seeds the best-vs-best gap favours the family with more seeds; the "
                    + "means over seeds (below the grid) compare like with like");
        }
        notes.add("sigma: nats per double step (Eq. 21); count-based skips one-way pairs, Rao-Blackwellized is "
                + "finite. EM's mixture is evaluated as the one-hot RBM it is (reversible: sigma = 0).");
        notes.add("class KL (Eq. 22): with the exact latent marginal for RBM and EM, the chain's occupancy for NEQ.");
        if (withEm && states != s.neq().latent().units()) {
            notes.add("EM has " + states + " components: one per latent state of " + s.neq().latent() + ".");
        }
        return new Comparison(rows, grid, settingsTree(s, em, data), List.copyOf(notes));
    }

    /** {@code config} at learning rate {@code lr}, everything else equal. */
    private static TrainingConfig withLearningRate(TrainingConfig c, double lr) {
        return c.toBuilder().learningRate(lr).build();
    }

    /** One progress line: the job, the count, and the remaining time extrapolated from the finished jobs. */
    private void report(String line, double predictedCost) {
        if (progress != null) {
            synchronized (progress) {
                predictedDone += predictedCost;
                double elapsed = (System.nanoTime() - startNanos) * 1e-9;
                double left = predictedDone > 0 ? Math.max(0, elapsed * (predictedTotal - predictedDone) / predictedDone) : 0;
                progress.println("[" + done.incrementAndGet() + "/" + total + "] " + line + String.format(Locale.ROOT,
                        "; %s elapsed, ~%s left", CostModel.duration(elapsed), CostModel.duration(left)));
                progress.flush();
            }
        }
    }

    /** A finished row with the per-row {@code log p(x)} behind its log-likelihood. */
    private record Run(ComparisonRow row, double[] perPoint) {
    }

    /**
     * Every row with its paired gaps (mean and standard error of the per-image differences) to the best EM
     * restart and to the best selected NEQ run; NaN where the reference is absent.
     */
    private static List<ComparisonRow> pairedGaps(List<ComparisonRow> rows, List<Run> runs) {
        double[] em = perPoint(runs, find(rows, "em"));
        double[] neq = perPoint(runs, find(rows, "neq"));
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            double[] mine = perPoint(runs, r);
            LogLikelihood.Summary toEm = difference(mine, em);
            LogLikelihood.Summary toNeq = difference(mine, neq);
            out.add(r.withGaps(toEm.mean(), toEm.standardError(), toNeq.mean(), toNeq.standardError()));
        }
        return out;
    }

    private static ComparisonRow find(List<ComparisonRow> rows, String model) {
        for (ComparisonRow r : rows) {
            if (r.model().equals(model) && r.selected() && r.role().equals("best")) {
                return r;
            }
        }
        return null;
    }

    private static double[] perPoint(List<Run> runs, ComparisonRow row) {
        if (row == null) {
            return null;
        }
        for (Run r : runs) {
            if (r.row().model().equals(row.model()) && r.row().seed() == row.seed()
                    && Double.compare(r.row().learningRate(), row.learningRate()) == 0) {
                return r.perPoint();
            }
        }
        throw new IllegalStateException("no run for " + row);
    }

    /** Mean and paired standard error of {@code a − b} per data row; NaN without a reference. */
    private static LogLikelihood.Summary difference(double[] a, double[] b) {
        if (b == null) {
            return new LogLikelihood.Summary(Double.NaN, Double.NaN, 0);
        }
        double[] d = new double[a.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = a[n] - b[n];
        }
        return LogLikelihood.summarize(d);
    }

    private Run trainAndEvaluate(String kind, TrainingConfig config, Dataset data, ComparisonSettings s, double cost) {
        long cpu0 = CostModel.threadCpuNanos();
        Path dir = s.out().resolve(kind).resolve("lr-" + LearningRateGrid.rate(config.learningRate()))
                .resolve("seed-" + config.seed());
        TrainedModel t = trainer.train(config, data, TrainingListener.NONE);
        ModelIO.write(dir.resolve("model.json"), t);
        StringBuilder history = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : t.history()) {
            history.append(r.csv()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("history.csv"), history.toString());
        long e0 = System.nanoTime();
        Model model = t.model();
        EvaluationOptions options = evaluationOptions(s, config.seed());
        // the one evaluator, dense or (beyond TransitionEstimator.MAX_STATES) sparse, as nelc evaluate runs it
        Evaluation e = evaluator.evaluate(model, data, t.chain().state(0), options)
                .forModel(org.nelc.app.rundir.ModelEvaluations.fingerprint(dir.resolve("model.json")));
        e.write(dir.resolve("evaluation.json"));
        double[] perPoint = LogLikelihood.perPoint(model, data, e.occupancy());
        List<DiagnosticResult> diagnostics = e.diagnostics();
        double kl;
        double chainLl = MeasurementKey.LOG_LIKELIHOOD.valueIn(diagnostics);
        double chainSe = MeasurementKey.LOG_LIKELIHOOD_DATA_SE.valueIn(diagnostics);
        double sigmaCount = MeasurementKey.SIGMA_COUNT.valueIn(diagnostics);
        kl = MeasurementKey.CLASS_KL.valueIn(diagnostics);
        double ll = chainLl;
        double se = chainSe;
        String method = "chain";
        if (config.model() == ModelKind.RBM && model.latent().states() <= RbmLikelihood.MAX_STATES) {
            double[] pbar = RbmLikelihood.latentMarginal(model);
            perPoint = RbmLikelihood.perPoint(model, data);
            LogLikelihood.Summary exact = LogLikelihood.summarize(perPoint);
            ll = exact.mean();
            se = exact.standardError();
            method = "exact";
            kl = data.hasLabels() ? ClassKl.of(ClassAssignment.of(model, data, pbar)).kl() : Double.NaN;
        }
        double evalSeconds = (System.nanoTime() - e0) * 1e-9;
        double cpu = (CostModel.threadCpuNanos() - cpu0) * 1e-9;
        String rate = LearningRateGrid.rate(config.learningRate());
        report(String.format(Locale.ROOT, "%s lr %s seed %d: LL %.3f (%s), sigma count %.3f (train %.1f s, evaluate "
                + "%.1f s, CPU %.1f s)", kind, rate, config.seed(), ll, method, sigmaCount, t.seconds(), evalSeconds,
                cpu), cost);
        return new Run(ComparisonRow.builder().model(kind).learningRate(config.learningRate()).seed(config.seed())
                .logLikelihood(ll, se, method).classKl(kl).seconds(t.seconds(), evalSeconds, cpu)
                .directory(s.out().relativize(dir).toString()).diagnostics(diagnostics).build(), perPoint);
    }

    private Run emRow(BernoulliMixtureEm.Result result, Dataset data, ComparisonSettings s) {
        long cpu0 = CostModel.threadCpuNanos();
        Path dir = s.out().resolve("em");
        AtomicFiles.writeString(dir.resolve("em.json"), MixtureJson.toJson(result, data));
        MixtureFit best = result.bestFit();
        BernoulliMixture mixture = best.mixture();
        ComponentsFigure.write(mixture, dir.resolve("components.png"));
        long e0 = System.nanoTime();
        Model rbm = mixture.asRbm();
        Evaluation e = evaluator.evaluate(rbm, data, evaluationOptions(s, result.settings().seed()));
        e.write(dir.resolve("evaluation.json"));
        double kl = data.hasLabels() ? ClassKl.of(ClassAssignment.of(rbm, data, mixture.weights())).kl() : Double.NaN;
        double evalSeconds = (System.nanoTime() - e0) * 1e-9;
        report(String.format(Locale.ROOT, "em best (restart %d): LL %.3f (exact), evaluated as an RBM in %.1f s",
                best.restart(), best.logLikelihood(), evalSeconds), 0);
        double cpu = emCpu.get(best.restart()) + (CostModel.threadCpuNanos() - cpu0) * 1e-9;
        return new Run(ComparisonRow.builder().model("em").selected(true).seed(best.restart())
                .logLikelihood(best.logLikelihood(), best.summary().standardError(), "exact").classKl(kl)
                .seconds(best.seconds(), evalSeconds, cpu).directory("em").diagnostics(e.diagnostics()).build(),
                best.perPoint());
    }

    private static EvaluationOptions evaluationOptions(ComparisonSettings s, long seed) {
        EvaluationOptions o = s.evaluation();
        return o.toBuilder().seed(seed).build();
    }

    private static BernoulliMixtureEm.Result best(EmSettings em, List<MixtureFit> fits) {
        int best = 0;
        for (int k = 1; k < fits.size(); k++) {
            if (fits.get(k).logLikelihood() > fits.get(best).logLikelihood()) {
                best = k;
            }
        }
        return new BernoulliMixtureEm.Result(em, List.copyOf(fits), best);
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("compare interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<String, Object> settingsTree(ComparisonSettings s, EmSettings em, Dataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latent", s.neq().latent().toString());
        m.put("normalization", s.neq().normalization());
        m.put("score", s.neq().score().label());
        m.put("optimizer", s.neq().optimizer());
        List<String> grid = new ArrayList<>();
        for (double lr : s.learningRates()) {
            grid.add(LearningRateGrid.rate(lr));
        }
        m.put("learningRates", grid);
        m.put("selectionRule", "per trained family, the learning rate with the highest median LL over its seeds; "
                + "exact ties: the smaller rate");
        m.put("epochs", s.neq().epochs());
        m.put("stepsPerEpoch", s.neq().stepsPerEpoch());
        m.put("batch", s.neq().batchMin() + ":" + s.neq().batchMax());
        m.put("chainSteps", s.neq().chainSteps());
        m.put("neqSeeds", s.neqSeeds());
        m.put("rbmSeeds", s.rbmSeeds());
        m.put("rbmGradients", s.rbmGradients());
        m.put("emComponents", em.components());
        m.put("emRestarts", em.restarts());
        m.put("emSeed", em.seed());
        m.put("emClip", em.clip());
        m.put("chainLength", s.evaluation().chainLength());
        m.put("burnIn", s.evaluation().burnIn());
        m.put("rbSamples", s.evaluation().rbSamples());
        m.put("threads", s.threads());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data.source());
        d.put("fingerprint", data.fingerprint());
        d.put("size", data.size());
        d.put("dimension", data.dimension());
        d.put("classCounts", data.classCounts());
        m.put("data", d);
        return m;
    }
}

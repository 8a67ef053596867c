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
import org.nelc.analysis.sparse.SparseEvaluation;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.gradient.RbmExactEstimator;
import org.nelc.core.io.AtomicFiles;
import org.nelc.core.io.ModelIO;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
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
    /** Most mixture components EM is run with (a bits model with 2^L states is compared with 2^L). */
    public static final int MAX_EM_COMPONENTS = 1024;

    /**
     * @param neq the nonequilibrium configuration; its RBM counterpart is {@link TrainingConfig#equilibrium()}
     * @param neqSeeds seeds of the nonequilibrium runs
     * @param rbmSeeds seeds of the RBM runs (may be empty), for each of {@code rbmGradients}
     * @param rbmGradients {@code rbm-pcd} (the usual PCD training) and/or {@code rbm-exact} (exact negative
     *     phase: what the equilibrium model reaches when its chain's mixing does not matter)
     * @param em EM's settings; its {@code components} is replaced by the number of latent states
     * @param evaluation chain length, burn-in and Rao-Blackwell draws (the seed is each run's own)
     * @param threads parallel jobs
     * @param out the output directory
     */
    public record Settings(TrainingConfig neq, List<Long> neqSeeds, List<Long> rbmSeeds, List<String> rbmGradients,
            EmSettings em, EvaluationOptions evaluation, int threads, Path out) {
        public Settings {
            if (neq.model() != ModelKind.NEQ) {
                throw new UserError("--model: compare trains both models; leave --model at neq");
            }
            if (neqSeeds.isEmpty()) {
                throw new UserError("--seeds: at least one seed");
            }
            if (threads < 1) {
                throw new UserError("--threads: must be at least 1, got " + threads);
            }
            for (String g : rbmGradients) {
                if (!g.startsWith(TrainingConfig.RBM_GRADIENT_PREFIX)) {
                    throw new UserError("--rbm-gradient: '" + g + "' is not an RBM gradient (rbm-pcd or rbm-exact)");
                }
            }
            rbmGradients = List.copyOf(rbmGradients);
            neqSeeds = List.copyOf(neqSeeds);
            rbmSeeds = List.copyOf(rbmSeeds);
        }
    }

    private final PluginCatalog plugins;
    private final PrintWriter progress;
    private final Evaluator evaluator;
    private final AtomicInteger done = new AtomicInteger();
    private int total;

    /** @param progress receives one line per finished job (null for none) */
    public ComparisonRunner(PluginCatalog plugins, PrintWriter progress) {
        this.plugins = plugins;
        this.progress = progress;
        this.evaluator = new Evaluator(plugins.diagnostics());
    }

    public Comparison run(Settings s, Dataset data) {
        int states = new Trainer(plugins).newModel(s.neq(), data).latent().states();
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
        for (long seed : s.neqSeeds()) {
            runs.add(() -> trainAndEvaluate("neq", s.neq().withSeed(seed), data, s));
        }
        for (String gradient : s.rbmGradients()) {
            if (gradient.equals(RbmExactEstimator.NAME) && states > RbmExactEstimator.MAX_STATES) {
                notes.add("rbm-exact skipped: " + states + " latent states are more than it enumerates per step ("
                        + RbmExactEstimator.MAX_STATES + ")");
                continue;
            }
            TrainingConfig rbm = s.neq().equilibrium(gradient);
            for (long seed : s.rbmSeeds()) {
                runs.add(() -> trainAndEvaluate(gradient, rbm.withSeed(seed), data, s));
            }
        }
        List<Callable<MixtureFit>> restarts = new ArrayList<>();
        if (withEm) {
            for (int r = 0; r < em.restarts(); r++) {
                int restart = r;
                restarts.add(() -> {
                    MixtureFit f = BernoulliMixtureEm.fitOne(data, em, restart);
                    report(String.format(Locale.ROOT, "em restart %d: %.3f nats/image, %d iterations (%.1f s)",
                            restart, f.logLikelihood(), f.iterations(), f.seconds()));
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
                        finished.add(new Run(new ComparisonRow("em", "", f.restart(), f.logLikelihood(),
                                f.summary().standardError(), "exact", Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
                                Double.NaN, Double.NaN, Double.NaN, Double.NaN, f.seconds(), 0, "em"), f.perPoint()));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ComparisonRow> rows = pairedGaps(finished);
        notes.add("LL: exact where known (RBM: closed-form partition function over the latent states; EM: the "
                + "mixture's), else the precise LL from the occupancy of a chain of " + s.evaluation().chainLength()
                + " double steps (NEQ). 'LL chain' is that chain estimate for every model: far from 'LL' means the "
                + "model's own chain does not mix.");
        notes.add("sigma: nats per double step (Eq. 21); count-based skips one-way pairs, Rao-Blackwellized is "
                + "finite. EM's mixture is evaluated as the one-hot RBM it is (reversible: sigma = 0).");
        notes.add("class KL (Eq. 22): with the exact latent marginal for RBM and EM, the chain's occupancy for NEQ.");
        if (withEm && states != s.neq().latent().units()) {
            notes.add("EM has " + states + " components: one per latent state of " + s.neq().latent() + ".");
        }
        return new Comparison(Comparison.rank(rows), settingsTree(s, em, data), List.copyOf(notes));
    }

    private void report(String line) {
        if (progress != null) {
            synchronized (progress) {
                progress.println("[" + done.incrementAndGet() + "/" + total + "] " + line);
                progress.flush();
            }
        }
    }

    /** A finished row with the per-row {@code log p(x)} behind its log-likelihood. */
    private record Run(ComparisonRow row, double[] perPoint) {
    }

    /** Every row with the paired standard error of its gap to the best EM fit (NaN without EM). */
    private static List<ComparisonRow> pairedGaps(List<Run> runs) {
        double[] em = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Run r : runs) {
            if (r.row().model().equals("em") && r.row().logLikelihood() > best) {
                best = r.row().logLikelihood();
                em = r.perPoint();
            }
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (Run r : runs) {
            if (em == null) {
                out.add(r.row());
                continue;
            }
            double[] d = new double[em.length];
            for (int n = 0; n < d.length; n++) {
                d[n] = r.perPoint()[n] - em[n];
            }
            out.add(r.row().withGapStandardError(LogLikelihood.summarize(d).standardError()));
        }
        return out;
    }

    private Run trainAndEvaluate(String kind, TrainingConfig config, Dataset data, Settings s) {
        Path dir = s.out().resolve(kind).resolve("seed-" + config.seed());
        TrainedModel t = new Trainer(plugins).train(config, data, TrainingListener.NONE);
        ModelIO.write(dir.resolve("model.json"), t);
        StringBuilder history = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : t.history()) {
            history.append(r.csv()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("history.csv"), history.toString());
        long e0 = System.nanoTime();
        Model model = t.model();
        EvaluationOptions options = evaluationOptions(s, config.seed());
        double chainLl;
        double chainSe;
        double sigmaCount;
        int oneWay;
        double sigmaRb;
        double tau;
        double kl;
        double[] perPoint;
        if (model.latent().states() <= TransitionEstimator.MAX_STATES) {
            Evaluation e = evaluator.evaluate(model, data, t.chain().state(0), options);
            e.write(dir.resolve("evaluation.json"));
            perPoint = LogLikelihood.perPoint(model, data, e.occupancy());
            chainLl = e.logLikelihood();
            chainSe = e.value(MeasurementKey.LOG_LIKELIHOOD_DATA_SE);
            sigmaCount = e.value(MeasurementKey.SIGMA_COUNT);
            oneWay = (int) e.value(MeasurementKey.ONE_WAY_PAIRS);
            sigmaRb = e.value(MeasurementKey.SIGMA);
            tau = e.value(MeasurementKey.TAU);
            kl = e.value(MeasurementKey.CLASS_KL);
        } else {
            SparseEvaluation e = SparseEvaluation.of(model, data, t.chain().state(0), options);
            perPoint = e.perPoint();
            chainLl = e.logLikelihood().mean();
            chainSe = e.logLikelihood().standardError();
            sigmaCount = e.sigmaCount();
            oneWay = e.oneWayPairs();
            sigmaRb = Double.NaN;
            tau = Double.NaN;
            kl = e.classKl();
        }
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
        report(String.format(Locale.ROOT, "%s seed %d: LL %.3f (%s), sigma count %.3f (train %.1f s, evaluate %.1f s)",
                kind, config.seed(), ll, method, sigmaCount, t.seconds(), evalSeconds));
        return new Run(new ComparisonRow(kind, "", config.seed(), ll, se, method, chainLl, chainSe, sigmaCount, oneWay,
                sigmaRb, tau, kl, Double.NaN, Double.NaN, t.seconds(), evalSeconds, s.out().relativize(dir).toString()),
                perPoint);
    }

    private Run emRow(BernoulliMixtureEm.Result result, Dataset data, Settings s) {
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
                best.restart(), best.logLikelihood(), evalSeconds));
        return new Run(new ComparisonRow("em", "", best.restart(), best.logLikelihood(), best.summary().standardError(),
                "exact", e.logLikelihood(), e.value(MeasurementKey.LOG_LIKELIHOOD_DATA_SE),
                e.value(MeasurementKey.SIGMA_COUNT), (int) e.value(MeasurementKey.ONE_WAY_PAIRS),
                e.value(MeasurementKey.SIGMA), e.value(MeasurementKey.TAU), kl, Double.NaN, Double.NaN, best.seconds(), evalSeconds,
                "em"), best.perPoint());
    }

    private static EvaluationOptions evaluationOptions(Settings s, long seed) {
        EvaluationOptions o = s.evaluation();
        return new EvaluationOptions(seed, o.chainLength(), o.burnIn(), o.rbSamples());
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

    private static Map<String, Object> settingsTree(Settings s, EmSettings em, Dataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latent", s.neq().latent().toString());
        m.put("normalization", s.neq().normalization());
        m.put("score", s.neq().score().label());
        m.put("optimizer", s.neq().optimizer());
        m.put("learningRate", s.neq().learningRate());
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

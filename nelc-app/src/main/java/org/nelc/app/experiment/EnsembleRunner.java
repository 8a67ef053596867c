package org.nelc.app.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;

/**
 * Runs an {@link EnsemblePlan}: one model per task on a fixed pool of {@code threads} threads. A model
 * depends on its seed only (the trainer's and evaluator's random streams come from the seed's tree), so
 * the files are the same bits whatever the thread count. A model that fails (e.g. diverges) is reported
 * and the others go on; an internal error stops the run after the models in flight.
 */
public final class EnsembleRunner {
    private final PluginCatalog plugins;
    private final Dataset data;
    private final int threads;
    private final boolean resume;

    private final Evaluator evaluator;

    /** @param evaluator evaluates every model (the bound one: its diagnostics and transition estimators) */
    public EnsembleRunner(PluginCatalog plugins, Evaluator evaluator, Dataset data, int threads, boolean resume) {
        if (threads < 1) {
            throw new UserError("--threads: must be at least 1, got " + threads);
        }
        this.plugins = plugins;
        this.evaluator = evaluator;
        this.data = data;
        this.threads = threads;
        this.resume = resume;
    }

    /** Trains and evaluates every model of {@code plan} into {@code layout}; {@code progress} shows it. */
    public EnsembleResult run(EnsemblePlan plan, EnsembleLayout layout, EnsembleProgressSink sink) {
        long start = System.nanoTime();
        PlanFile.write(layout.planFile(), plan, data);
        ModelJob job = new ModelJob(plugins, data, evaluator, resume);
        EnsembleProgress progress = sink.progress(plan.seeds().size());
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, plan.seeds().size()), r -> {
            Thread t = new Thread(r, "nelc-model-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<ModelRun>> futures = new ArrayList<>();
        try {
            for (long seed : plan.seeds()) {
                futures.add(pool.submit(() -> {
                    progress.started(seed);
                    try {
                        ModelRun r = job.run(plan, layout, seed, progress);
                        progress.println(line(plan, r));
                        return r;
                    } finally {
                        progress.finished(seed);
                    }
                }));
            }
            List<ModelRun> runs = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            RuntimeException internal = null;
            for (int k = 0; k < futures.size(); k++) {
                long seed = plan.seeds().get(k);
                try {
                    runs.add(futures.get(k).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UserError) {
                        failures.add("seed " + seed + ": " + c.getMessage());
                        progress.println(plan.name() + " seed " + seed + " FAILED: " + c.getMessage());
                    } else if (internal == null) {
                        internal = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                        pool.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (internal != null) {
                throw internal;
            }
            return new EnsembleResult(plan, layout, runs, failures, (System.nanoTime() - start) * 1e-9);
        } finally {
            pool.shutdownNow();
            progress.close();
        }
    }

    private static String line(EnsemblePlan plan, ModelRun r) {
        ModelSummary s = r.summary();
        String what = r.trained() ? String.format(Locale.ROOT, "trained in %.1f s", s.trainingSeconds())
                : r.evaluated() ? "reused model, evaluated" : "complete, reused";
        return String.format(Locale.ROOT, "%s seed %d: %s; LL %s, σ %s (counts %s), τ %s, Tr(M)/L %s, KL %s", plan.name(),
                r.seed(), what, s.text(MeasurementKey.LOG_LIKELIHOOD), s.text(MeasurementKey.SIGMA),
                s.text(MeasurementKey.SIGMA_COUNT), s.text(MeasurementKey.TAU), s.text(MeasurementKey.SELF_TRANSITION),
                s.text(MeasurementKey.CLASS_KL));
    }
}

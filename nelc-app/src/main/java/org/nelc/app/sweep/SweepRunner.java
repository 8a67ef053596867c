package org.nelc.app.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.api.UserError;

/**
 * Runs cells of a sweep, {@code threads} at a time: for each cell in order, skip it if finished
 * ({@code done}, or {@code failed} unless retrying), else take its {@link CellLock} — skipping it if a live
 * process holds it — check again that it is not finished (another process may have finished it just
 * before), run it ({@link CellRunner}) and release the claim. Locks are refreshed every
 * {@link CellLock#HEARTBEAT} and released at JVM shutdown (SIGTERM: Slurm's preemption and time limit), so
 * only a hard kill leaves a claim behind, and the next run on this host takes it over at once.
 * Running the same sweep again after any interruption finishes it; training and evaluation are
 * deterministic, so a cell's numbers do not depend on which process, host or thread ran it.
 */
public final class SweepRunner {
    private final SweepDir sweep;
    private final Manifest manifest;
    private final CellRunner runner;
    private final PrintWriter out;
    private final Set<CellLock> held = ConcurrentHashMap.newKeySet();

    /** Counts of one run. */
    public record Report(int ran, int failed, int alreadyDone, int alreadyFailed, int heldElsewhere) {
        public String line() {
            return String.format(Locale.ROOT, "ran %d cell%s (%d failed); skipped %d done, %d failed before, "
                    + "%d held by another process", ran, ran == 1 ? "" : "s", failed, alreadyDone, alreadyFailed,
                    heldElsewhere);
        }
    }

    public SweepRunner(SweepDir sweep, Manifest manifest, CellRunner runner, PrintWriter out) {
        this.sweep = sweep;
        this.manifest = manifest;
        this.runner = runner;
        this.out = out;
    }

    /** Runs the cells with these indices (in this order). */
    public Report run(List<Integer> indices, int threads, boolean retryFailed) {
        if (threads < 1) {
            throw new UserError("--threads: must be at least 1, got " + threads);
        }
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failedBefore = new AtomicInteger();
        AtomicInteger elsewhere = new AtomicInteger();
        Thread hook = new Thread(this::releaseAll, "nelc-sweep-release-claims");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nelc-sweep-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> held.forEach(CellLock::touch), CellLock.HEARTBEAT.toSeconds(),
                CellLock.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nelc-sweep-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : indices) {
                Manifest.Cell cell = manifest.cell(index);
                futures.add(pool.submit(() -> {
                    switch (runOne(cell, retryFailed)) {
                        case RAN -> ran.incrementAndGet();
                        case FAILED -> {
                            ran.incrementAndGet();
                            failed.incrementAndGet();
                        }
                        case DONE -> done.incrementAndGet();
                        case FAILED_BEFORE -> failedBefore.incrementAndGet();
                        case ELSEWHERE -> elsewhere.incrementAndGet();
                        default -> throw new IllegalStateException();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
            heartbeat.shutdownNow();
            releaseAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        return new Report(ran.get(), failed.get(), done.get(), failedBefore.get(), elsewhere.get());
    }

    private enum Result { RAN, FAILED, DONE, FAILED_BEFORE, ELSEWHERE }

    private Result runOne(Manifest.Cell cell, boolean retryFailed) {
        CellFiles files = sweep.cell(cell);
        String name = "cell " + (cell.index() + 1) + "/" + manifest.cells().size() + " " + cell.id() + " "
                + cell.label();
        if (files.isDone()) {
            return Result.DONE;
        }
        if (files.isFailed() && !retryFailed) {
            return Result.FAILED_BEFORE;
        }
        Optional<CellLock> claim = CellLock.acquire(files.claim());
        if (claim.isEmpty()) {
            String who = CellLock.inspect(files.claim()).map(f -> f.info().describe()).orElse("another process");
            say(name + ": skipped, held by " + who);
            return Result.ELSEWHERE;
        }
        held.add(claim.get());
        try {
            if (files.isDone()) {
                return Result.DONE;
            }
            removeLeftovers(files);
            if (files.isFailed()) {
                if (!retryFailed) {
                    return Result.FAILED_BEFORE;
                }
                deleteIfExists(files.failed());
            }
            try {
                CellRunner.Outcome o = runner.run(manifest, cell, files);
                say(name + ": " + describe(o));
                return Result.RAN;
            } catch (UserError e) {
                CellRunner.writeFailure(files, cell, e, true);
                say(name + ": FAILED: " + e.getMessage());
                return Result.FAILED;
            } catch (UncheckedIOException e) {
                // the disk (full, unwritable), not the cell: nothing marks it failed, so the next run retries it
                say(name + ": FAILED (I/O; not marked failed, the next run retries it): " + e.getMessage());
                return Result.FAILED;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                CellRunner.writeFailure(files, cell, e, false);
                say(name + ": FAILED (error): " + e);
                return Result.FAILED;
            }
        } finally {
            claim.get().release();
            held.remove(claim.get());
        }
    }

    /**
     * Deletes temporary files a hard-killed writer left in the cell (an atomic write interrupted before
     * its rename, a claim interrupted before its link). Safe: we hold the cell's claim, so nobody else
     * writes here, and a {@code .tmp} file is never a result.
     */
    static void removeLeftovers(CellFiles files) {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(files.dir())) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && !n.startsWith(".claim.")) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // a cell never started has no directory yet
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clean " + files.dir() + ": " + e.getMessage(), e);
        }
    }

    static String describe(CellRunner.Outcome o) {
        ModelSummary s = ModelSummary.of(o.evaluation().seed(), o.evaluation(), List.of(), o.trainSeconds());
        return String.format(Locale.ROOT, "LL %s  sigma %s  tau %s  KL %s  clean cycle %s  (train %.1f s, evaluate %.1f s)",
                s.text(MeasurementKey.LOG_LIKELIHOOD), s.text(MeasurementKey.SIGMA), s.text(MeasurementKey.TAU),
                s.text(MeasurementKey.CLASS_KL), s.cleanCycle() ? "yes" : "no", o.trainSeconds(), o.evaluateSeconds());
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    private void releaseAll() {
        for (CellLock c : held) {
            c.release();
        }
        held.clear();
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}

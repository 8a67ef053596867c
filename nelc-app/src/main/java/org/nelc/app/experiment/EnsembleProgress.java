package org.nelc.app.experiment;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.app.progress.ProgressBar;

/**
 * The ensemble's progress bar — models done and running, ETA — fed by every worker thread. A running
 * model counts by its fraction of gradient steps (training is {@value #TRAINING_SHARE} of a model's
 * work, the evaluation the rest). Lines printed through {@link #println} do not tear the bar.
 */
final class EnsembleProgress {
    static final double TRAINING_SHARE = 0.9;
    private final ProgressBar bar;
    private final PrintWriter log;
    private final int total;
    private final Map<Long, Double> running = new LinkedHashMap<>();
    private int done;
    private String prefix = "";

    EnsembleProgress(ProgressBar bar, PrintWriter log, int total) {
        this.bar = bar;
        this.log = log;
        this.total = total;
    }

    synchronized void prefix(String text) {
        prefix = text;
    }

    synchronized void started(long seed) {
        running.put(seed, 0.0);
        draw();
    }

    synchronized void progress(long seed, double fraction) {
        running.put(seed, fraction);
        draw();
    }

    synchronized void finished(long seed) {
        running.remove(seed);
        done++;
        draw();
    }

    synchronized void println(String line) {
        bar.finish();
        log.println(line);
        log.flush();
        draw();
    }

    synchronized void close() {
        bar.finish();
    }

    private void draw() {
        double f = done;
        for (double v : running.values()) {
            f += v;
        }
        bar.update(f, total, prefix + "models " + done + "/" + total + " done, " + running.size() + " running");
    }
}

package org.nelc.app.experiment;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.nelc.app.progress.ProgressBar;

/**
 * Where an ensemble reports its progress: a bar on {@code barOut} (when enabled; a fresh one per
 * ensemble, so its ETA is that ensemble's) and a log that gets one line per finished model.
 *
 * @param prefix put before the bar's label, e.g. the variant's name
 */
public record EnsembleProgressSink(PrintStream barOut, boolean barEnabled, PrintWriter log, String prefix) {
    EnsembleProgress progress(int total) {
        EnsembleProgress p = new EnsembleProgress(new ProgressBar(barOut, barEnabled), log, total);
        p.prefix(prefix);
        return p;
    }
}

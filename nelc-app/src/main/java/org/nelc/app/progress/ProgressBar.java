package org.nelc.app.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A one-line progress bar on stderr: {@code [#####.....]  45%  label  ETA 3.2s}. Redrawn at most ten
 * times a second; silent when disabled ({@code --quiet}, or stderr not a terminal).
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Whether a bar should be drawn: not quiet, and a console is attached. */
    public static boolean interactive(boolean quiet) {
        if (quiet) {
            return false;
        }
        String force = System.getenv("NELC_PROGRESS");
        if ("always".equals(force)) {
            return true;
        }
        if ("never".equals(force)) {
            return false;
        }
        return System.console() != null;
    }

    public void update(double done, double total, String label) {
        update(done, total, () -> label);
    }

    /**
     * As above, the label made only when the bar is drawn (at most 10 times a second): a caller that
     * formats it per training step would format 3 600 labels per paper run, none of them shown when quiet.
     */
    public void update(double done, double total, Supplier<String> label) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L && drawn) {
            return;
        }
        lastDraw = now;
        double f = total > 0 ? Math.min(1, done / total) : 0;
        int filled = (int) Math.round(f * WIDTH);
        double elapsed = (now - start) * 1e-9;
        String eta = f > 0 ? String.format(Locale.ROOT, "ETA %.1fs", elapsed * (1 - f) / f) : "ETA ?";
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%%  %s  %s   ", f * 100, label.get(), eta));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line. */
    public void finish() {
        if (enabled && drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }
}

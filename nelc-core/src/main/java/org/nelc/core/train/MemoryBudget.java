package org.nelc.core.train;

import java.util.Locale;
import org.nelc.api.UserError;

/**
 * What training a model needs of the heap, checked before the first epoch, so that nothing trains for
 * minutes and then runs out of memory writing {@code model.json} (issue 15: {@code one-hot:20000}). A
 * model has {@code 2·D·L + D + L} parameters (docs/model.md §1); training keeps the parameters, the
 * gradient, the optimizer's state and the checkpoint's snapshot of both, and reading the file back
 * (evaluate, sample, resume) parses it whole. Measured peak (docs/reliability.md, -Xmx256m, MNIST D=784,
 * one-hot:L, RMSprop): training and writing fit up to ~65 bytes a parameter, reading back ~110; the budget
 * is {@value #BYTES_PER_PARAMETER} bytes a parameter.
 */
public final class MemoryBudget {
    /** Heap per model parameter to train a model, write it and read it back (measured, with a margin). */
    public static final long BYTES_PER_PARAMETER = 120;

    private MemoryBudget() {
    }

    /** {@code 2·D·L + D + L}: w, a, w̄, ā. */
    public static long parameters(int visibleSize, int units) {
        return 2L * visibleSize * units + visibleSize + units;
    }

    /**
     * @param concurrent models trained at once in this JVM (each gets its share of the heap)
     * @throws UserError naming {@code --latent} with the need, the heap and the largest L that fits
     */
    public static void checkTraining(LatentSpec latent, int visibleSize, int concurrent) {
        long heap = Runtime.getRuntime().maxMemory();
        long p = parameters(visibleSize, latent.units());
        if ((long) visibleSize * latent.units() > Integer.MAX_VALUE - 8) {
            throw new UserError("--latent " + latent + ": D x L = " + visibleSize + " x " + latent.units()
                    + " weights do not fit one Java array (at most " + (Integer.MAX_VALUE - 8) + ")");
        }
        long need = p * BYTES_PER_PARAMETER * concurrent;
        if (need > heap) {
            long maxUnits = (heap / concurrent / BYTES_PER_PARAMETER - visibleSize) / (2L * visibleSize + 1);
            throw new UserError("--latent " + latent + ": " + String.format(Locale.ROOT, "%,d", p) + " parameters (D="
                    + visibleSize + ") need about " + gib(need) + " of heap to train, write and read back"
                    + (concurrent > 1 ? " with " + concurrent + " models at once" : "") + " (" + BYTES_PER_PARAMETER
                    + " bytes a parameter); this JVM has " + gib(heap) + ": at most " + latent.encoding() + ":"
                    + Math.max(0, maxUnits) + " here (JAVA_OPTS=-Xmx… raises the heap"
                    + (concurrent > 1 ? "; fewer --threads share it" : "") + ")");
        }
    }

    /** {@code "3.4 GiB"}. */
    public static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}

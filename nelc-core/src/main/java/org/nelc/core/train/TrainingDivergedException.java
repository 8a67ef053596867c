package org.nelc.core.train;

import org.nelc.api.UserError;

/** The parameters became non-finite: training stops, naming where. */
public final class TrainingDivergedException extends UserError {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(int epoch, long step, String what) {
        super("training diverged at epoch " + epoch + ", step " + step + ": " + what
                + " is not finite (try a smaller --lr)");
    }
}

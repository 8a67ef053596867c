package org.nelc.core.train;

/**
 * One row of {@code history.csv}.
 *
 * @param epoch 1-based epoch number
 * @param step gradient steps done so far
 * @param batchSize the epoch's minibatch size
 * @param logLikelihood mean over the epoch's steps of the on-the-fly log-likelihood (docs/model.md §6), nats/image
 * @param sigma entropy production of the epoch's latent trajectory from transition counts (one-way pairs skipped)
 * @param oneWayPairs pairs of states seen in one direction only in that trajectory
 * @param seconds wall time since training started
 * @param sigmaRaoBlackwell entropy production of the same trajectory from {@code Ā(·|x'(t))} rows
 *     ({@link org.nelc.core.chain.LatentRows}): finite where counts skip one-way pairs; NaN above 64 states
 */
public record EpochRecord(int epoch, long step, int batchSize, double logLikelihood, double sigma, int oneWayPairs,
        double seconds, double sigmaRaoBlackwell) {
    public static final String CSV_HEADER =
            "epoch,step,batch_size,ll_on_the_fly,sigma_count,one_way_pairs,elapsed_s,sigma_rb";

    /** The Rao-Blackwellized σ when available, else the counted one. */
    public double sigmaBest() {
        return Double.isFinite(sigmaRaoBlackwell) ? sigmaRaoBlackwell : sigma;
    }

    public String csv() {
        return epoch + "," + step + "," + batchSize + "," + logLikelihood + "," + sigma + "," + oneWayPairs + ","
                + String.format(java.util.Locale.ROOT, "%.3f", seconds) + "," + sigmaRaoBlackwell;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().epoch(epoch).step(step).batchSize(batchSize).logLikelihood(logLikelihood).sigma(sigma)
                .oneWayPairs(oneWayPairs).seconds(seconds).sigmaRaoBlackwell(sigmaRaoBlackwell);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private int epoch;
        private long step;
        private int batchSize;
        private double logLikelihood;
        private double sigma;
        private int oneWayPairs;
        private double seconds;
        /** NaN unless set: histories written before it existed, or above 64 states. */
        private double sigmaRaoBlackwell = Double.NaN;

        private Builder() {
        }

        public Builder epoch(int v) {
            epoch = v;
            return this;
        }

        public Builder step(long v) {
            step = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder logLikelihood(double v) {
            logLikelihood = v;
            return this;
        }

        public Builder sigma(double v) {
            sigma = v;
            return this;
        }

        public Builder oneWayPairs(int v) {
            oneWayPairs = v;
            return this;
        }

        public Builder seconds(double v) {
            seconds = v;
            return this;
        }

        public Builder sigmaRaoBlackwell(double v) {
            sigmaRaoBlackwell = v;
            return this;
        }

        public EpochRecord build() {
            return new EpochRecord(epoch, step, batchSize, logLikelihood, sigma, oneWayPairs, seconds,
                    sigmaRaoBlackwell);
        }
    }
}

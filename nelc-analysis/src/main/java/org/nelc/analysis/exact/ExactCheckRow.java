package org.nelc.analysis.exact;

/**
 * One comparison of the two-step gradient with the exact one, at one step of two-step training.
 *
 * @param step gradient steps done before the comparison
 * @param exactLogLikelihood the exact mean log-likelihood of the model at that step (nats per row)
 * @param cosine cosine between the averaged two-step estimate and the exact gradient (trained blocks)
 * @param cosineVisible the same over the z→x blocks {@code w} (and {@code a} when trained)
 * @param cosineLatent the same over the x→z blocks {@code w̄, ā}
 * @param normRatio {@code ‖averaged estimate‖ / ‖exact‖}
 * @param singleSegmentCosine mean over segments of the cosine of one segment's estimate (no averaging)
 * @param exactNorm {@code ‖exact gradient‖}
 */
public record ExactCheckRow(long step, double exactLogLikelihood, double cosine, double cosineVisible,
        double cosineLatent, double normRatio, double singleSegmentCosine, double exactNorm) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().step(step).exactLogLikelihood(exactLogLikelihood).cosine(cosine)
                .cosineVisible(cosineVisible).cosineLatent(cosineLatent).normRatio(normRatio)
                .singleSegmentCosine(singleSegmentCosine).exactNorm(exactNorm);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private long step;
        private double exactLogLikelihood;
        private double cosine;
        private double cosineVisible;
        private double cosineLatent;
        private double normRatio;
        private double singleSegmentCosine;
        private double exactNorm;

        private Builder() {
        }

        public Builder step(long v) {
            step = v;
            return this;
        }

        public Builder exactLogLikelihood(double v) {
            exactLogLikelihood = v;
            return this;
        }

        public Builder cosine(double v) {
            cosine = v;
            return this;
        }

        public Builder cosineVisible(double v) {
            cosineVisible = v;
            return this;
        }

        public Builder cosineLatent(double v) {
            cosineLatent = v;
            return this;
        }

        public Builder normRatio(double v) {
            normRatio = v;
            return this;
        }

        public Builder singleSegmentCosine(double v) {
            singleSegmentCosine = v;
            return this;
        }

        public Builder exactNorm(double v) {
            exactNorm = v;
            return this;
        }

        public ExactCheckRow build() {
            return new ExactCheckRow(step, exactLogLikelihood, cosine, cosineVisible, cosineLatent, normRatio,
                    singleSegmentCosine, exactNorm);
        }
    }
}

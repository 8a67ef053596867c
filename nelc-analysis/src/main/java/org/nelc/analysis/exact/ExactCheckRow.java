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
}

package org.nelc.analysis.evaluate;

import java.util.List;
import org.nelc.analysis.classes.ClassKl;

/**
 * The class KL of Eq. 22 and the assignment behind it, or why it is not available.
 *
 * @param available false when the data has no labels
 * @param reason why not available (null otherwise)
 * @param kl nats; {@code Infinity} when a class gets no state
 * @param classesWithoutState labels with {@code P_e(k) = 0}
 * @param classes the labels
 * @param stateClass the label of each latent state, −1 for states of zero weight
 */
public record ClassSummary(boolean available, String reason, double kl, List<Integer> classesWithoutState,
        int[] classes, int[] stateClass, double[] dataFractions, double[] modelFractions) {

    public static ClassSummary unavailable(String reason) {
        return new ClassSummary(false, reason, Double.NaN, List.of(), new int[0], new int[0], new double[0],
                new double[0]);
    }

    public static ClassSummary of(ClassKl.Result r) {
        var a = r.assignment();
        return new ClassSummary(true, null, r.kl(), r.classesWithoutState(), a.classes(), a.stateClass(),
                a.dataFractions(), a.modelFractions());
    }
}

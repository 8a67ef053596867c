package org.nelc.analysis.classes;

import java.util.ArrayList;
import java.util.List;

/**
 * The class KL divergence of Eq. 22, {@code KL(P_D ‖ P_e) = Σ_k P_D(k) ln(P_D(k) / P_e(k))}, with the
 * states assigned to classes by {@link ClassAssignment}. A class of the data that gets no state (or
 * only states of zero weight) has {@code P_e(k) = 0}: the divergence is {@code +∞}, and the class is
 * listed in {@code classesWithoutState}.
 */
public final class ClassKl {
    private ClassKl() {
    }

    /**
     * @param kl the divergence in nats ({@code +∞} when a class has no state)
     * @param classesWithoutState the labels with {@code P_e(k) = 0}
     * @param assignment the assignment it was computed from
     */
    public record Result(double kl, List<Integer> classesWithoutState, ClassAssignment assignment) {
        public boolean finite() {
            return Double.isFinite(kl);
        }
    }

    public static Result of(ClassAssignment a) {
        List<Integer> missing = new ArrayList<>();
        double[] pd = a.dataFractions();
        double[] pe = a.modelFractions();
        for (int k = 0; k < pd.length; k++) {
            if (pd[k] > 0 && !(pe[k] > 0)) {
                missing.add(a.classes()[k]);
            }
        }
        return new Result(kl(pd, pe), List.copyOf(missing), a);
    }

    /**
     * {@code Σ_k p(k) ln(p(k)/q(k))} (Eq. 22); terms with {@code p(k) = 0} are 0, and {@code q} is
     * renormalized to sum 1 (the assigned weights may miss states of zero weight only, so this is a
     * guard against rounding); {@code +∞} when some {@code q(k) = 0 < p(k)}.
     */
    public static double kl(double[] p, double[] q) {
        double qs = 0;
        for (double v : q) {
            qs += v;
        }
        double kl = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0) {
                if (!(q[k] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                kl += p[k] * StrictMath.log(p[k] * qs / q[k]);
            }
        }
        return kl;
    }
}

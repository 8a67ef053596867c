package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.analysis.transition.RaoBlackwellVarianceAccess;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

/**
 * The equilibrium limit (SPEC §8): with {@code w̄ = wᵀ}, no centering and the softmax one-hot
 * normalization (or bits) the alternating chain is an RBM's Gibbs sampler, detailed balance holds and
 * σ = 0 exactly; the estimators sit at their noise floor. The same weights untied ({@code w̄} rows
 * paired with the wrong columns of {@code w}) give σ > 0, far above that floor.
 */
class EquilibriumTest {
    static final int T = 100_000;
    static final int S = 4000;

    @ParameterizedTest
    @CsvSource({"one-hot,softmax,8,3,21", "one-hot,softmax,10,4,22", "bits,factorized,9,3,23", "bits,factorized,7,3,24"})
    void tiedIsReversibleAndUntiedIsNot(String enc, String norm, int d, int l, long seed) {
        Model tied = TestModels.tied(d, TestModels.kernel(enc, l, norm), 1.5, seed);
        Dataset data = TestModels.prototypes(100, d, 3, seed);
        ExactSystem exact = ExactSystem.of(tied);
        assertEquals(0.0, exact.entropyProduction().sigma(), 1e-12, "exact σ of the RBM");

        Evaluation e = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(tied, data, new EvaluationOptions(seed, T, 1000, S));
        int n = exact.states();
        int pairs = n * (n - 1) / 2;
        // noise floor of σ̂ at detailed balance (σ is quadratic in the noise there):
        // counts, E[σ̂] ≈ Σ_pairs Var(Ĵ_ab − Ĵ_ba)/J_ab ≈ 2/T per pair; RB, E[σ̂] ≈ Σ_pairs (p_a² V_ab + p_b² V_ba)/(S J_ab)
        // with V the exact per-draw variances. σ̂ is then roughly a χ² with `pairs` degrees of freedom scaled by
        // its mean over pairs: 10 times the mean is beyond its 1e-6 tail for pairs ≤ 28.
        double countFloor = 2.0 * pairs / T;
        double rbFloor = rbNoiseFloor(exact);
        double untiedFloorFactor = 10;
        System.out.printf("%s D=%d L=%d tied: σ count %.2e (floor %.2e) rb %.2e (floor %.2e)%n", enc, d, l,
                e.value(MeasurementKey.SIGMA_COUNT), countFloor, e.value(MeasurementKey.SIGMA), rbFloor);
        assertTrue(e.value(MeasurementKey.SIGMA_COUNT) < untiedFloorFactor * countFloor, "count σ " + e.value(MeasurementKey.SIGMA_COUNT));
        assertTrue(e.value(MeasurementKey.SIGMA) < untiedFloorFactor * rbFloor, "RB σ " + e.value(MeasurementKey.SIGMA));

        // untie minimally: the same weights, paired wrongly, w̄[β, ·] = w[·, β+1 mod L]
        Model untied = tied.copy();
        for (int b = 0; b < l; b++) {
            for (int i = 0; i < d; i++) {
                untied.wbar()[b * d + i] = tied.w()[i * l + (b + 1) % l];
            }
        }
        double sigma = ExactSystem.of(untied).entropyProduction().sigma();
        Evaluation u = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(untied, data, new EvaluationOptions(seed, T, 1000, S));
        System.out.printf("   untied: σ exact %.2e count %.2e rb %.2e%n", sigma, u.value(MeasurementKey.SIGMA_COUNT),
                u.value(MeasurementKey.SIGMA));
        assertTrue(sigma > 1e-2, "exact σ of the untied model " + sigma);
        assertTrue(u.value(MeasurementKey.SIGMA_COUNT) > untiedFloorFactor * countFloor, "untied count σ " + u.value(MeasurementKey.SIGMA_COUNT));
        assertTrue(u.value(MeasurementKey.SIGMA) > untiedFloorFactor * rbFloor, "untied RB σ " + u.value(MeasurementKey.SIGMA));
    }

    static double rbNoiseFloor(ExactSystem exact) {
        int n = exact.states();
        double[] m = exact.transitionMatrix();
        double[] p = exact.latentStationary();
        double[] v = RaoBlackwellVarianceAccess.perEntry(exact);
        double floor = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double j = p[a] * m[a * n + b];
                floor += (p[a] * p[a] * v[a * n + b] + p[b] * p[b] * v[b * n + a]) / (S * j);
            }
        }
        return floor;
    }
}

package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.Propagation;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.entropy.EntropyProduction;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.analysis.spectrum.DecorrelationTime;
import org.nelc.analysis.transition.RaoBlackwellVarianceAccess;
import org.nelc.analysis.transition.StationaryVector;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

/**
 * Every estimator of the evaluation against the exact enumeration, on random small models (D 6–10,
 * L 2–4, one-hot and bits encodings). Tolerances are 5 standard errors computed from
 * the exact system, propagated to σ, τ and the likelihood to first order.
 */
class EstimatorsVsExactTest {
    static final int T = 100_000;
    static final int S = 4000;

    @ParameterizedTest
    @CsvSource({"one-hot,sigmoid-ratio,6,2,11", "one-hot,softmax,8,3,12", "one-hot,sigmoid-ratio,10,4,13",
        "bits,factorized,6,2,14", "bits,factorized,8,3,15", "bits,factorized,10,2,16", "bits,factorized,9,4,17"})
    void estimatesAgreeWithTheExactSystem(String enc, String norm, int d, int l, long seed) {
        Model model = TestModels.randomModel(d, TestModels.kernel(enc, l, norm), 1.5, seed);
        Dataset data = TestModels.prototypes(200, d, 3, seed + 1);
        Evaluation e = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(model, data, new EvaluationOptions(seed, T, 1000, S));
        ExactSystem exact = ExactSystem.of(model);
        int n = exact.states();
        double[] m = exact.transitionMatrix();
        double[] pbar = exact.latentStationary();
        double lambda = exact.decorrelationTime().lambda2Modulus();
        // variance inflation of a time average on a chain with second eigenvalue λ (reversible bound
        // (1+λ)/(1−λ)), doubled because M need not be reversible
        double g = 2 * (1 + lambda) / (1 - lambda);

        // occupancy and precise log-likelihood
        double[] occ = e.occupancy();
        double[] occErr = new double[n];
        for (int z = 0; z < n; z++) {
            occErr[z] = 5 * Math.sqrt(pbar[z] * (1 - pbar[z]) * g / T);
            assertEquals(pbar[z], occ[z], occErr[z], "occupancy of " + z);
        }
        // ∂ℒ/∂p̄(z) = ⟨A_{zx}/p(x)⟩_data; Σ δp̄ = 0, so |δℒ| ≤ Σ_z |∂ℒ/∂p̄(z) − 1| · |δp̄(z)|
        double llTol = 0;
        for (int z = 0; z < n; z++) {
            double v = 0;
            for (int r = 0; r < data.size(); r++) {
                int x = ExactSystem.index(data, r);
                v += Math.exp(exact.logA(z, x) - exact.logProbability(x)) / data.size();
            }
            llTol += Math.abs(v - 1) * occErr[z];
        }
        assertEquals(exact.logLikelihood(data), e.logLikelihood(), llTol + 1e-12, "precise log-likelihood");

        // counted M: given a visit to z', the next state is a draw from row z' (Markov property), so each
        // entry is a binomial frequency over the n(z') transitions out of z'
        double[] count = flatten(e.count().matrix());
        double[] countErr = new double[n * n];
        for (int zp = 0; zp < n; zp++) {
            double rows = occ[zp] * T - 1;
            for (int z = 0; z < n; z++) {
                double p = m[zp * n + z];
                countErr[zp * n + z] = 5 * Math.sqrt(p * (1 - p) / rows);
                assertEquals(p, count[zp * n + z], countErr[zp * n + z] + 1e-12, "count M " + zp + "→" + z);
            }
        }
        // Rao-Blackwellized M: a mean of S i.i.d. draws with exactly known variance
        double[] rb = flatten(e.raoBlackwell().matrix());
        double[] var = RaoBlackwellVarianceAccess.perEntry(exact);
        double[] rbErr = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            rbErr[k] = 5 * Math.sqrt(var[k] / S);
            assertEquals(m[k], rb[k], rbErr[k] + 1e-12, "RB M entry " + k);
        }

        // σ, τ, Tr(M)/L: the entry bounds propagated to first order
        EntropyProduction.Result sx = exact.entropyProduction();
        assertEquals(0, (int) e.value(MeasurementKey.ONE_WAY_PAIRS), "every pair is seen both ways in 1e5 steps");
        // σ ≥ 0 is quadratic in the noise near detailed balance (a 2-state chain always is reversible), so
        // a second-order floor is added: E[σ̂] ≈ Σ_pairs Var(Ĵ_ab − Ĵ_ba)/J_ab ≈ 2/T per pair for counts and
        // ≲ 1/S in all for the RB matrix; 20 times that floor
        int pairs = n * (n - 1) / 2;
        assertEquals(sx.sigma(), e.value(MeasurementKey.SIGMA_COUNT), Propagation.bound(EstimatorsVsExactTest::sigma, m, countErr)
                + 20.0 * 2 * pairs / T, "count σ");
        assertEquals(sx.sigma(), e.value(MeasurementKey.SIGMA), Propagation.bound(EstimatorsVsExactTest::sigma, m, rbErr)
                + 20.0 / S, "RB σ");
        double tau = exact.decorrelationTime().tau();
        assertEquals(tau, e.value(MeasurementKey.TAU_COUNT), Propagation.bound(EstimatorsVsExactTest::tau, m, countErr), "count τ");
        assertEquals(tau, e.value(MeasurementKey.TAU), Propagation.bound(EstimatorsVsExactTest::tau, m, rbErr), "RB τ");
        double tr = exact.selfTransition().meanDiagonal();
        assertEquals(tr, e.value(MeasurementKey.SELF_TRANSITION_COUNT), diagonalBound(countErr, n), "count Tr/L");
        assertEquals(tr, e.value(MeasurementKey.SELF_TRANSITION), diagonalBound(rbErr, n), "RB Tr/L");
        assertEquals(1.0 / n, e.value(MeasurementKey.SELF_TRANSITION_BASELINE), 0);
        System.out.printf("%s %s D=%d L=%d: σ exact %.5f count %.5f rb %.5f | τ exact %.4f count %.4f rb %.4f | "
                + "LL exact %.5f precise %.5f (tol %.5f)%n", enc, norm, d, l, sx.sigma(), e.value(MeasurementKey.SIGMA_COUNT),
                e.value(MeasurementKey.SIGMA), tau, e.value(MeasurementKey.TAU_COUNT), e.value(MeasurementKey.TAU), exact.logLikelihood(data),
                e.logLikelihood(), llTol);
    }

    static double sigma(double[] m) {
        int n = (int) Math.round(Math.sqrt(m.length));
        return EntropyProduction.sigma(m, StationaryVector.ofStochastic(m, n), n);
    }

    static double tau(double[] m) {
        return DecorrelationTime.of(m, (int) Math.round(Math.sqrt(m.length))).tau();
    }

    static double diagonalBound(double[] err, int n) {
        double s = 0;
        for (int z = 0; z < n; z++) {
            s += err[z * n + z];
        }
        return s / n;
    }

    static double[] flatten(double[][] rows) {
        int n = rows.length;
        double[] m = new double[n * n];
        for (int z = 0; z < n; z++) {
            System.arraycopy(rows[z], 0, m, z * n, n);
        }
        return m;
    }
}

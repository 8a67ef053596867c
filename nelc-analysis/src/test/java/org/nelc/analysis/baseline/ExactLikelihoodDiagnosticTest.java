package org.nelc.analysis.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.evaluate.EvaluationContext;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.core.model.Model;

/**
 * {@code exact-likelihood} against independent computations: brute-force enumeration of every (x, z) of
 * an RBM, and the stationary vector of the explicit {@code 2^D × 2^D} visible chain of a nonequilibrium
 * model found by power iteration; and its mixing check on a chain that cannot mix and on one that does.
 */
class ExactLikelihoodDiagnosticTest {
    private static DiagnosticResult run(Model model, Dataset data, int[] trajectory) {
        return new ExactLikelihoodDiagnostic().compute(new EvaluationContext(model, data, trajectory, List.of()));
    }

    /** Rounding only: the enumerations sum at most 2^6 · 8 terms (1e-10 leaves four orders of margin). */
    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax,1", "bits,3,factorized,3"})
    void anRbmGetsItsClosedFormLikelihood(String encoding, int units, String norm, long seed) {
        int d = 6;
        Model m = RbmLikelihoodTest.randomRbm(d, encoding, units, norm, 2.0, seed);
        Dataset data = TestModels.prototypes(60, d, 3, seed + 10);
        DiagnosticResult r = run(m, data, TestModels.trajectory(m, seed, 100, 2000));
        double[] brute = RbmLikelihoodTest.bruteForce(m, d);
        double mean = 0;
        for (int n = 0; n < data.size(); n++) {
            mean += brute[ExactSystem.index(data, n)];
        }
        mean /= data.size();
        assertEquals(DiagnosticResult.Status.OK, r.status());
        assertTrue(((String) r.details().get("method")).startsWith("closed-form"), r.details().toString());
        assertEquals(mean, r.number("log-likelihood"), 1e-10);
        double se = org.nelc.core.likelihood.LogLikelihood.summarize(
                java.util.stream.IntStream.range(0, data.size()).mapToDouble(n -> brute[ExactSystem.index(data, n)])
                        .toArray()).standardError();
        assertEquals(se, r.number("data-se"), 1e-10);
        assertEquals(0.0, r.measurement("log-likelihood").standardError(), 0.0);
    }

    /**
     * A nonequilibrium model (sigmoid-ratio, untied, centered) at D = 6: the exact LL is that of the
     * stationary law of {@code P_{xx'} = Σ_z Ā(z|x) A(x'|z)}, here built from the kernels' definitions
     * (Eqs. 10, 11/19) and solved by power iteration to a residual of 1e-15 — no code shared with
     * {@code ExactSystem} but the kernel's {@code logProbs}. Tolerance 1e-9: the iteration's residual
     * times the chain's mixing time, far below.
     */
    @Test
    void aSmallNonequilibriumModelGetsItsEnumeratedLikelihood() {
        int d = 6;
        int l = 3;
        Model m = TestModels.randomModel(d, TestModels.kernel("one-hot", l, "sigmoid-ratio"), 2.0, 9);
        Dataset data = TestModels.prototypes(60, d, 3, 19);
        int nx = 1 << d;
        double[] abar = new double[nx * l];
        double[] u = new double[l];
        double[] lp = new double[l];
        for (int x = 0; x < nx; x++) {
            for (int b = 0; b < l; b++) {
                u[b] = m.abar()[b];
                for (int i = 0; i < d; i++) {
                    u[b] += m.wbar()[b * d + i] * (((x >>> i) & 1) - m.centering()[i]);
                }
            }
            m.latent().logProbs(u, 0, lp);
            for (int b = 0; b < l; b++) {
                abar[x * l + b] = Math.exp(lp[b]);
            }
        }
        double[] a = new double[l * nx];
        for (int z = 0; z < l; z++) {
            for (int x = 0; x < nx; x++) {
                double p = 1;
                for (int i = 0; i < d; i++) {
                    double h = m.a()[i] + m.w()[i * l + z];
                    double on = 1 / (1 + Math.exp(-h));
                    p *= ((x >>> i) & 1) == 1 ? on : 1 - on;
                }
                a[z * nx + x] = p;
            }
        }
        double[] p = new double[nx];
        java.util.Arrays.fill(p, 1.0 / nx);
        for (int it = 0; it < 100_000; it++) {
            double[] q = new double[l];
            for (int x = 0; x < nx; x++) {
                for (int z = 0; z < l; z++) {
                    q[z] += p[x] * abar[x * l + z];
                }
            }
            double[] next = new double[nx];
            for (int z = 0; z < l; z++) {
                for (int x = 0; x < nx; x++) {
                    next[x] += q[z] * a[z * nx + x];
                }
            }
            double change = 0;
            for (int x = 0; x < nx; x++) {
                change = Math.max(change, Math.abs(next[x] - p[x]));
            }
            p = next;
            if (change < 1e-15) {
                break;
            }
        }
        double mean = 0;
        for (int n = 0; n < data.size(); n++) {
            mean += Math.log(p[ExactSystem.index(data, n)]);
        }
        mean /= data.size();
        DiagnosticResult r = run(m, data, TestModels.trajectory(m, 2, 100, 2000));
        assertTrue(((String) r.details().get("method")).startsWith("enumeration"), r.details().toString());
        assertEquals(mean, r.number("log-likelihood"), 1e-9);
    }

    @Test
    void aLargeNonequilibriumModelHasNoneAndSaysWhy() {
        Model m = TestModels.randomModel(20, TestModels.kernel("one-hot", 3, "sigmoid-ratio"), 1.0, 4);
        DiagnosticResult r = run(m, TestModels.prototypes(30, 20, 3, 5), TestModels.trajectory(m, 1, 0, 100));
        assertEquals(DiagnosticResult.Status.NOT_AVAILABLE, r.status());
        String reason = r.message();
        assertTrue(reason.startsWith("the model is not an equilibrium RBM")
                && reason.contains("D = 20"), reason);
    }

    /**
     * Two mirror-image states, D = 12: state 0 turns the first six pixels on (w = ±6), state 1 the last six;
     * tied, no biases, so the exact p̄ is (½, ½) by symmetry. From x a state's prototype, Ā picks that state
     * with logit difference ~70: the chain never switches, its occupancy is (1, 0) or (0, 1), and the check
     * must say so (|z| ~ √T, thousands, against a threshold ~4.6).
     */
    @Test
    void aChainThatCannotLeaveItsStateDoesNotMix() {
        int d = 12;
        Model m = new Model(d, TestModels.kernel("one-hot", 2, "softmax"), new org.nelc.core.kernel.BernoulliKernel(),
                new double[d]);
        for (int i = 0; i < d; i++) {
            m.w()[i * 2] = i < d / 2 ? 6 : -6;
            m.w()[i * 2 + 1] = -m.w()[i * 2];
        }
        m.tieLatentToVisible();
        int[] trajectory = TestModels.trajectory(m, 3, 100, 5000);
        DiagnosticResult r = run(m, TestModels.prototypes(40, d, 2, 6), trajectory);
        double[] pbar = (double[]) r.details().get("latentMarginal");
        assertEquals(0.5, pbar[0], 1e-12);
        assertEquals(false, r.details().get("mixes"));
        assertTrue(((String) r.details().get("verdict")).startsWith("does not mix"), r.details().toString());
        assertEquals(0.5, r.number("mixing.occupancy-distance"), 1e-12);
        assertTrue(r.measurement("mixing.occupancy-distance").note().contains("does not mix"));
    }

    /**
     * Weak weights (|w| ≤ 0.3): the chain decorrelates in about one step, the 20 batches of 1000 are
     * independent, and the check's false-alarm rate is at most 1e-3 by construction (fixed seed).
     */
    @Test
    void aFastChainMixes() {
        Model m = RbmLikelihoodTest.randomRbm(8, "one-hot", 3, "softmax", 0.3, 5);
        DiagnosticResult r = run(m, TestModels.prototypes(40, 8, 3, 7), TestModels.trajectory(m, 4, 100, 20_000));
        assertEquals(true, r.details().get("mixes"), r.details().toString());
        assertTrue((double) r.details().get("largestZ") < (double) r.details().get("threshold"), r.details().toString());
        assertTrue(r.number("mixing.occupancy-distance") < 0.02, r.details().toString());
        assertEquals("", r.measurement("mixing.occupancy-distance").note());
    }

    @Test
    void isRegisteredAsABuiltInDiagnostic() {
        boolean found = false;
        for (Diagnostic diagnostic : ServiceLoader.load(Diagnostic.class)) {
            found |= diagnostic.name().equals(ExactLikelihoodDiagnostic.NAME);
        }
        assertTrue(found);
        assertFalse(ExactLikelihoodDiagnostic.exact(
                TestModels.randomModel(20, TestModels.kernel("one-hot", 3, "sigmoid-ratio"), 1.0, 4),
                TestModels.prototypes(30, 20, 3, 5)).available());
    }
}

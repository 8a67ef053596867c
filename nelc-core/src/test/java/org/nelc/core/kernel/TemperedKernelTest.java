package org.nelc.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.Fixtures;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.model.Model;

/**
 * The tempered kernel through the general (non-canonical) path, against an identity that needs no new
 * code: {@code sigmoid(h/T)} with parameters {@code (w, a)} is the paper's kernel with {@code (w/T, a/T)}.
 * So the likelihood and the two-step gradient's x→z blocks must agree, and its z→x blocks must be
 * {@code 1/T} times the Bernoulli model's (chain rule). The only difference is the rounding of
 * {@code (w z + a)/T} against {@code (w/T) z + a/T}: tolerances 1e-12 (absolute, on quantities of order 1).
 */
class TemperedKernelTest {
    private static final double T = 2.5;

    private static VisibleKernel tempered(double t) {
        return new TemperedKernel().configure(new Settings(Map.of(TemperedKernel.TEMPERATURE, t)));
    }

    /** The Bernoulli model with the tempered one's z→x parameters divided by T. */
    private static Model scaled(Model m, double t) {
        Model b = new Model(m.visibleSize(), m.latent(), new BernoulliKernel(), m.centering());
        for (int k = 0; k < 4; k++) {
            System.arraycopy(m.blocks()[k], 0, b.blocks()[k], 0, m.blocks()[k].length);
        }
        for (int i = 0; i < b.w().length; i++) {
            b.w()[i] /= t;
        }
        for (int i = 0; i < b.a().length; i++) {
            b.a()[i] /= t;
        }
        return b;
    }

    private static Model temperedModel(String encoding, int units, String norm, int d, long seed) {
        Model base = Fixtures.randomModel(d, Fixtures.kernel(encoding, units, norm), 2.0, seed);
        Model m = new Model(d, base.latent(), tempered(T), base.centering());
        for (int k = 0; k < 4; k++) {
            System.arraycopy(base.blocks()[k], 0, m.blocks()[k], 0, base.blocks()[k].length);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"one-hot,3,sigmoid-ratio,paper", "one-hot,4,softmax,exact", "bits,3,factorized,paper"})
    void twoStepGradientIsTheChainRuleOfTheScaledBernoulliModel(String encoding, int units, String norm,
            String scoreName) {
        int d = 9;
        Model m = temperedModel(encoding, units, norm, d, 5);
        Model b = scaled(m, T);
        Dataset data = Fixtures.dataset(30, d, 3, 8);
        RestorableUniformRandomProvider[] rngs = {RandomSource.XO_SHI_RO_256_PP.create(3L)};
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[d]}, rngs);
        ChainRecord rec = new ChainRecord(40, d, units);
        chain.run(m, 40, rec);
        int[] batch = {0, 4, 4, 9, 17, 29};
        ScoreFactor score = ScoreFactor.parse(scoreName);
        double[][] gt = grad(d, units);
        double[][] gb = grad(d, units);
        double llt = new TwoStepEstimator().estimate(m, data, batch, rec, score, gt);
        double llb = new TwoStepEstimator().estimate(b, data, batch, rec, score, gb);
        assertEquals(llb, llt, 1e-12);
        double norm2 = 0;
        for (int k = 0; k < 4; k++) {
            double factor = k == Model.W || k == Model.A ? 1 / T : 1;
            for (int i = 0; i < gt[k].length; i++) {
                assertEquals(gb[k][i] * factor, gt[k][i], 1e-12, "block " + Model.BLOCKS[k] + " index " + i);
                norm2 += gt[k][i] * gt[k][i];
            }
        }
        assertTrue(norm2 > 1e-4, "a gradient that is not trivially zero");
    }

    @Test
    void likelihoodEqualsTheScaledBernoulliModel() {
        Model m = temperedModel("one-hot", 4, "sigmoid-ratio", 11, 21);
        Dataset data = Fixtures.dataset(25, 11, 3, 22);
        double[] weights = {0.1, 0.4, 0.2, 0.3};
        double[] pt = LogLikelihood.perPoint(m, data, weights);
        double[] pb = LogLikelihood.perPoint(scaled(m, T), data, weights);
        for (int n = 0; n < pt.length; n++) {
            assertEquals(pb[n], pt[n], 1e-12, "row " + n);
        }
    }

    @Test
    void settingsAreCheckedAndKept() {
        VisibleKernel k = tempered(3.0);
        assertEquals(3.0, ((TemperedKernel) k).temperature());
        assertEquals(new Settings(Map.of("T", 3.0)), k.configuration());
        assertEquals(1.0, ((TemperedKernel) new TemperedKernel()).temperature());
        assertFalse(k.canonical());
        UserError unknown = assertThrows(UserError.class,
                () -> new TemperedKernel().configure(new Settings(Map.of("beta", 2.0))));
        assertTrue(unknown.getMessage().contains("--visible-kernel-setting beta=2.0") && unknown.getMessage()
                .contains("known: T"), unknown.getMessage());
        UserError negative = assertThrows(UserError.class,
                () -> new TemperedKernel().configure(new Settings(Map.of("T", -1.0))));
        assertTrue(negative.getMessage().contains("T=-1.0"), negative.getMessage());
        assertThrows(UserError.class, () -> new BernoulliKernel().configure(new Settings(Map.of("T", 2.0))));
    }

    /** η' is the derivative of η, and logPartition/mean are softplus/sigmoid of η (the SPI's consistency). */
    @Test
    void kernelFunctionsAreConsistent() {
        VisibleKernel k = tempered(T);
        for (double h = -40; h <= 40; h += 0.7) {
            double eps = 1e-6;
            double fd = (k.natural(h + eps) - k.natural(h - eps)) / (2 * eps);
            // central difference of a linear η: no truncation error, rounding ~|h|·1e-16/ε ≤ 4e-9
            assertEquals(fd, k.naturalSlope(h), 1e-8);
            double eta = k.natural(h);
            assertEquals(Math.log1p(Math.exp(-Math.abs(eta))) + Math.max(eta, 0), k.logPartition(h), 1e-12);
            assertEquals(1 / (1 + Math.exp(-eta)), k.mean(h), 1e-15);
        }
    }

    private static double[][] grad(int d, int l) {
        return new double[][] {new double[d * l], new double[d], new double[l * d], new double[l]};
    }
}

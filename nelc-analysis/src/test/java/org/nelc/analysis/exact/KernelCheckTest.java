package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.kernel.TemperedKernel;

/** The kernel check passes nelc's own kernels and names one whose derivative is wrong. */
class KernelCheckTest {
    private static UniformRandomProvider rng() {
        return TestModels.rng(5);
    }

    @Test
    void builtInKernelsPass() {
        VisibleKernel tempered = new TemperedKernel().configure(new Settings(Map.of("T", 3.0)));
        for (LatentKernel k : new LatentKernel[] {TestModels.kernel("one-hot", 4, "sigmoid-ratio"),
            TestModels.kernel("one-hot", 4, "softmax"), TestModels.kernel("bits", 3, null)}) {
            for (VisibleKernel v : new VisibleKernel[] {new BernoulliKernel(), tempered}) {
                String line = KernelCheck.of(k, v, rng()).summary();
                assertTrue(line.startsWith("kernel check: " + k.encoding() + " score"), line);
            }
        }
    }

    /** A third party's encoding whose exact score has a wrong factor (a typical slip), otherwise one-hot. */
    @Test
    void aWrongScoreIsNamed() {
        LatentKernel wrong = new ScaledScore(TestModels.kernel("one-hot", 4, "softmax"), 2.0);
        UserError e = assertThrows(UserError.class, () -> KernelCheck.of(wrong, new BernoulliKernel(), rng()));
        assertTrue(e.getMessage().contains("fails the score check") && e.getMessage().contains(ScaledScore.class.getName())
                && e.getMessage().contains("by finite differences of its logProb()"), e.getMessage());
    }

    @Test
    void aWrongSlopeIsNamed() {
        VisibleKernel wrong = new VisibleKernel() {
            public String name() {
                return "half-slope";
            }

            public String description() {
                return "sigmoid(h/2) with the slope of sigmoid(h)";
            }

            public double logPartition(double h) {
                return Math.log1p(Math.exp(h / 2));
            }

            public double mean(double h) {
                return 1 / (1 + Math.exp(-h / 2));
            }

            public double natural(double h) {
                return h / 2;
            }
        };
        UserError e = assertThrows(UserError.class,
                () -> KernelCheck.of(TestModels.kernel("bits", 2, null), wrong, rng()));
        assertTrue(e.getMessage().contains("visible kernel 'half-slope'") && e.getMessage().contains("naturalSlope"),
                e.getMessage());
    }

    /** Delegates to a real kernel, with the exact score multiplied by {@code factor}. */
    private record ScaledScore(LatentKernel k, double factor) implements LatentKernel {
        public String encoding() {
            return "wrong-" + k.encoding();
        }

        public String normalization() {
            return k.normalization();
        }

        public int units() {
            return k.units();
        }

        public int states() {
            return k.states();
        }

        public void state(int s, double[] z) {
            k.state(s, z);
        }

        public int activeUnits(int s, int[] out) {
            return k.activeUnits(s, out);
        }

        public int sample(double[] u, int uOff, UniformRandomProvider rng) {
            return k.sample(u, uOff, rng);
        }

        public double logProb(double[] u, int uOff, int s) {
            return k.logProb(u, uOff, s);
        }

        public void logProbs(double[] u, int uOff, double[] out) {
            k.logProbs(u, uOff, out);
        }

        public void score(double[] u, int uOff, int s, ScoreFactor f, double[] out, int oOff) {
            k.score(u, uOff, s, f, out, oOff);
            for (int b = 0; b < units(); b++) {
                out[oOff + b] *= factor;
            }
        }

        public boolean trainsVisibleBias() {
            return k.trainsVisibleBias();
        }
    }
}

package org.nelc.analysis.exact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.nelc.analysis.transition.KernelTables;
import org.nelc.api.data.Dataset;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.model.Model;

/**
 * The exact gradient of the mean log-likelihood {@code ℒ = ⟨log p(x)⟩_data} (Eq. 7) with respect to
 * all four parameter blocks {@code (w, a, w̄, ā)} (layout of {@link ModelView}), for systems small
 * enough for {@link ExactSystem}. Two ways, checked against each other in the tests:
 *
 * <p><b>Adjoint of the stationary equation.</b> With {@code p = p̄A}, {@code p̄(I − M) = 0},
 * {@code Σp̄ = 1} and {@code g(x) = (data frequency of x)/p(x)}:
 * <pre>
 *   dℒ = Σ_x g(x) [Σ_z dp̄(z) A_{zx} + Σ_z p̄(z) dA_{zx}],    dp̄ (I − M) = p̄ dM,  Σ dp̄ = 0.
 * </pre>
 * Let {@code v(z) = Σ_x g(x) A_{zx}} and {@code y} solve {@code (I − M + 1p̄ᵀ) y = v − (p̄·v) 1}; then
 * {@code dp̄·v = p̄ dM y}, and with {@code ȳ(x) = Σ_z Ā_{xz} y(z)}:
 * <pre>
 *   dℒ = Σ_{z,x} p̄(z) dA_{zx} [g(x) + ȳ(x)]  +  Σ_{x,z} p(x) dĀ_{xz} y(z),
 * </pre>
 * where {@code d log A_{zx}/dh_i = x_i − mean(h_i)} (Eqs. 13a/b) and {@code d log Ā_{xz}/du_β} is the
 * kernel's exact score factor ({@link ScoreFactor#EXACT}), {@code u = w̄(x − c) + ā}.
 * Cost {@code O(2^D · S · (D + L))}.
 *
 * <p><b>Central finite differences</b> of {@link ExactSystem#logLikelihood}: two enumerations per
 * parameter, for tests.
 */
public final class ExactGradient {
    private ExactGradient() {
    }

    /** The adjoint gradient at the model {@code sys} was built from, in blocks {w, a, w̄, ā}. */
    public static double[][] adjoint(ExactSystem sys, Dataset data) {
        KernelTables t = sys.tables();
        LatentKernel latent = t.latent();
        int d = sys.visibleSize();
        int l = t.units();
        int s = sys.states();
        int nx = sys.configurations();
        double[] m = sys.transitionMatrix();
        double[] pbar = sys.latentStationary();
        double[] p = sys.visibleStationary();

        // g(x) = frequency / p(x)
        double[] g = new double[nx];
        double invN = 1.0 / data.size();
        for (int n = 0; n < data.size(); n++) {
            int x = ExactSystem.index(data, n);
            g[x] += invN;
        }
        for (int x = 0; x < nx; x++) {
            if (g[x] != 0) {
                g[x] /= p[x];
            }
        }
        // v(z), then y
        double[] v = new double[s];
        for (int z = 0; z < s; z++) {
            double acc = 0;
            for (int x = 0; x < nx; x++) {
                if (g[x] != 0) {
                    acc += g[x] * StrictMath.exp(sys.logA(z, x));
                }
            }
            v[z] = acc;
        }
        double c = 0;
        for (int z = 0; z < s; z++) {
            c += pbar[z] * v[z];
        }
        double[][] b = new double[s][s];
        double[] rhs = new double[s];
        for (int zp = 0; zp < s; zp++) {
            for (int z = 0; z < s; z++) {
                b[zp][z] = (zp == z ? 1.0 : 0.0) - m[zp * s + z] + pbar[z];
            }
            rhs[zp] = v[zp] - c;
        }
        double[] y = new LUDecomposition(new Array2DRowRealMatrix(b, false)).getSolver()
                .solve(new ArrayRealVector(rhs, false)).toArray();

        double[][] grad = {new double[d * l], new double[d], new double[l * d], new double[l]};
        double[] abar = new double[s];
        double[] ybar = new double[nx];
        double[] u = new double[l];
        double[] score = new double[l];
        double[] gu = new double[l];
        int[] active = new int[d];
        double[] cen = sys.centeringView();
        double[] gwbar = grad[ModelView.WBAR];
        double[] gabar = grad[ModelView.ABAR];
        // x→z part: Σ_x p(x) Σ_z Ā_{xz} y(z) s_β(z|x) (x_i − c_i); also ȳ(x)
        for (int x = 0; x < nx; x++) {
            int k = ExactSystem.activeBits(x, active);
            t.logits(active, k, u, 0);
            java.util.Arrays.fill(gu, 0.0);
            double yb = 0;
            for (int z = 0; z < s; z++) {
                abar[z] = StrictMath.exp(sys.logAbar(x, z));
                yb += abar[z] * y[z];
                double wgt = p[x] * abar[z] * y[z];
                if (wgt == 0) {
                    continue;
                }
                latent.score(u, 0, z, ScoreFactor.EXACT, score, 0);
                for (int beta = 0; beta < l; beta++) {
                    gu[beta] += wgt * score[beta];
                }
            }
            ybar[x] = yb;
            for (int beta = 0; beta < l; beta++) {
                double gb = gu[beta];
                gabar[beta] += gb;
                int row = beta * d;
                for (int i = 0; i < d; i++) {
                    gwbar[row + i] -= gb * cen[i];
                }
                for (int j = 0; j < k; j++) {
                    gwbar[row + active[j]] += gb;
                }
            }
        }
        // z→x part: Σ_{z,x} p̄(z) A_{zx} (g(x) + ȳ(x)) (x_i − mean_i(z)), through h = w z + a
        double[] h = new double[d];
        int[] units = new int[l];
        double[] sx = new double[d];
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        for (int z = 0; z < s; z++) {
            t.field(z, h, units);
            java.util.Arrays.fill(sx, 0.0);
            double cz = 0;
            for (int x = 0; x < nx; x++) {
                double coef = pbar[z] * StrictMath.exp(sys.logA(z, x)) * (g[x] + ybar[x]);
                cz += coef;
                for (int r = x; r != 0; r &= r - 1) {
                    sx[Integer.numberOfTrailingZeros(r)] += coef;
                }
            }
            int na = latent.activeUnits(z, units);
            for (int i = 0; i < d; i++) {
                double gi = sx[i] - cz * t.visible().mean(h[i]);
                if (!t.visible().canonical()) {
                    gi *= t.visible().naturalSlope(h[i]); // ∂ log A/∂h_i = (x_i − mean) dη/dh
                }
                ga[i] += gi;
                for (int j = 0; j < na; j++) {
                    gw[i * l + units[j]] += gi;
                }
            }
        }
        return grad;
    }

    /** The adjoint gradient at {@code model}. */
    public static double[][] adjoint(ModelView model, Dataset data) {
        return adjoint(ExactSystem.of(model), data);
    }

    /**
     * Central differences {@code (ℒ(θ + εe_j) − ℒ(θ − εe_j)) / 2ε} for every parameter (the model is
     * perturbed and restored in place; it is left bit-identical).
     */
    public static double[][] finiteDifference(Model model, Dataset data, double step) {
        double[][] blocks = model.blocks();
        double[][] grad = new double[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            double[] block = blocks[b];
            grad[b] = new double[block.length];
            for (int j = 0; j < block.length; j++) {
                double saved = block[j];
                block[j] = saved + step;
                double up = ExactSystem.of(model).logLikelihood(data);
                block[j] = saved - step;
                double down = ExactSystem.of(model).logLikelihood(data);
                block[j] = saved;
                grad[b][j] = (up - down) / (2 * step);
            }
        }
        return grad;
    }
}

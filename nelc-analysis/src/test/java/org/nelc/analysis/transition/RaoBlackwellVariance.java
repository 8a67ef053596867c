package org.nelc.analysis.transition;

import org.nelc.analysis.exact.ExactSystem;

/** Test helper: the exact variance of one Rao-Blackwell draw, {@code Var_{x~A(z')}[Ā(z|x)]}, per entry. */
final class RaoBlackwellVariance {
    private RaoBlackwellVariance() {
    }

    static double[] perEntry(ExactSystem exact) {
        int n = exact.states();
        double[] m = exact.transitionMatrix();
        double[] second = new double[n * n];
        for (int zp = 0; zp < n; zp++) {
            for (int x = 0; x < exact.configurations(); x++) {
                double a = Math.exp(exact.logA(zp, x));
                for (int z = 0; z < n; z++) {
                    double ab = Math.exp(exact.logAbar(x, z));
                    second[zp * n + z] += a * ab * ab;
                }
            }
        }
        double[] v = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            v[k] = Math.max(0, second[k] - m[k] * m[k]);
        }
        return v;
    }
}

package org.nelc.core;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nelc.api.data.Dataset;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.latent.BitsEncoding;
import org.nelc.core.latent.OneHotEncoding;
import org.nelc.core.model.Model;

/** Small random models and datasets for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    public static LatentKernel kernel(String encoding, int units, String normalization) {
        return encoding.equals("bits") ? new BitsEncoding().create(units, normalization)
                : new OneHotEncoding().create(units, normalization);
    }

    /** Prototype data: {@code classes} random prototypes, each bit flipped with probability 0.1. */
    public static Dataset dataset(int n, int d, int classes, long seed) {
        UniformRandomProvider r = rng(seed);
        byte[][] proto = new byte[classes][d];
        for (byte[] p : proto) {
            for (int i = 0; i < d; i++) {
                p[i] = (byte) (r.nextDouble() < 0.4 ? 1 : 0);
            }
        }
        byte[] bits = new byte[n * d];
        int[] labels = new int[n];
        for (int m = 0; m < n; m++) {
            int k = m % classes;
            labels[m] = k;
            for (int i = 0; i < d; i++) {
                int b = proto[k][i];
                if (r.nextDouble() < 0.1) {
                    b = 1 - b;
                }
                bits[m * d + i] = (byte) b;
            }
        }
        return new Dataset(n, d, bits, labels, "fixture(seed=" + seed + ")");
    }

    /** A model with Gaussian random parameters of scale {@code scale} and random centering. */
    public static Model randomModel(int d, LatentKernel latent, double scale, long seed) {
        UniformRandomProvider r = rng(seed);
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = r.nextDouble();
        }
        Model m = new Model(d, latent, new BernoulliKernel(), c);
        for (double[] b : m.blocks()) {
            for (int i = 0; i < b.length; i++) {
                b[i] = scale * (2 * r.nextDouble() - 1);
            }
        }
        if (!latent.trainsVisibleBias()) {
            java.util.Arrays.fill(m.a(), 0);
        }
        return m;
    }
}

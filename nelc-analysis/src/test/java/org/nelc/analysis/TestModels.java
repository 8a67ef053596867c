package org.nelc.analysis;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nelc.api.data.Dataset;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.latent.BitsEncoding;
import org.nelc.core.latent.OneHotEncoding;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

/** Small random models, datasets and chains for the analysis tests. */
public final class TestModels {
    private TestModels() {
    }

    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /** {@code "one-hot"} (with {@code normalization}) or {@code "bits"}. */
    public static LatentKernel kernel(String encoding, int units, String normalization) {
        return encoding.equals("bits") ? new BitsEncoding().create(units, null)
                : new OneHotEncoding().create(units, normalization);
    }

    /** Uniform random parameters in {@code [−scale, scale]}, random centering; {@code a = 0} for one-hot. */
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
            Arrays.fill(m.a(), 0);
        }
        return m;
    }

    /** {@code rows} noisy copies (bit-flip probability 0.1) of {@code classes} random prototypes, labelled. */
    public static Dataset prototypes(int rows, int d, int classes, long seed) {
        UniformRandomProvider r = rng(seed);
        byte[][] proto = new byte[classes][d];
        for (byte[] p : proto) {
            for (int i = 0; i < d; i++) {
                p[i] = (byte) (r.nextDouble() < 0.4 ? 1 : 0);
            }
        }
        byte[] bits = new byte[rows * d];
        int[] labels = new int[rows];
        for (int n = 0; n < rows; n++) {
            int k = n % classes;
            labels[n] = k;
            for (int i = 0; i < d; i++) {
                int b = proto[k][i];
                if (r.nextDouble() < 0.1) {
                    b = 1 - b;
                }
                bits[n * d + i] = (byte) b;
            }
        }
        return new Dataset(rows, d, bits, labels, "test-prototypes(seed=" + seed + ")");
    }

    /** The same rows without labels. */
    public static Dataset unlabeled(Dataset data) {
        int[] labels = new int[data.size()];
        Arrays.fill(labels, -1);
        return new Dataset(data.size(), data.dimension(), data.bitsView(), labels, data.source() + "-unlabeled");
    }

    /** {@code steps} latent states of one chain from the all-zero visible state, after {@code burnIn}. */
    public static int[] trajectory(Model model, long seed, int burnIn, int steps) {
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[model.visibleSize()]},
                new org.apache.commons.rng.RestorableUniformRandomProvider[] {SeedTree.root(seed).child("test-chain").stream()});
        chain.runLatent(model, 0, new int[burnIn]);
        int[] traj = new int[steps];
        chain.runLatent(model, 0, traj);
        return traj;
    }
}

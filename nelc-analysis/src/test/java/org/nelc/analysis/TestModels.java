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

    /**
     * A planted cycle (one-hot, {@code L} states, {@code D = L·b}): prototype {@code k} has the pixels of
     * block {@code k} on, the rest off; {@code w} makes state α generate prototype α (pixel
     * probabilities sigmoid(±4)); {@code w̄} sends prototype α to state α+1 (mod L): logit 3 per matching
     * pixel, {@code ā = −4}, no centering. The latent chain then cycles 0 → 1 → … → L−1 → 0.
     */
    public static Model plantedCycle(int units, int block, String normalization) {
        int d = units * block;
        Model m = new Model(d, kernel("one-hot", units, normalization), new BernoulliKernel(), new double[d]);
        for (int i = 0; i < d; i++) {
            for (int a = 0; a < units; a++) {
                m.w()[i * units + a] = i / block == a ? 4 : -4;
            }
        }
        for (int a = 0; a < units; a++) {
            int next = (a + 1) % units;
            for (int i = a * block; i < (a + 1) * block; i++) {
                m.wbar()[next * d + i] = 3;
            }
            m.abar()[a] = -4;
        }
        return m;
    }

    /** Rows of the planted prototypes (row n of class n mod L), each pixel flipped with probability {@code flip}. */
    public static Dataset plantedData(int units, int block, int rows, double flip, long seed) {
        int d = units * block;
        UniformRandomProvider r = rng(seed);
        byte[] bits = new byte[rows * d];
        int[] labels = new int[rows];
        for (int n = 0; n < rows; n++) {
            int k = n % units;
            labels[n] = k;
            for (int i = 0; i < d; i++) {
                int b = i / block == k ? 1 : 0;
                if (r.nextDouble() < flip) {
                    b = 1 - b;
                }
                bits[n * d + i] = (byte) b;
            }
        }
        return new Dataset(rows, d, bits, labels, "planted(seed=" + seed + ")");
    }

    /**
     * An equilibrium model (docs/model.md §8): random {@code w}, {@code ā} (and {@code a} for bits), {@code w̄ = wᵀ},
     * no centering. With the softmax one-hot normalization or bits it is an RBM's Gibbs sampler.
     */
    public static Model tied(int d, LatentKernel latent, double scale, long seed) {
        Model m = randomModel(d, latent, scale, seed);
        Model t = new Model(d, latent, new BernoulliKernel(), new double[d]);
        for (int b = 0; b < 4; b++) {
            System.arraycopy(m.blocks()[b], 0, t.blocks()[b], 0, m.blocks()[b].length);
        }
        t.tieLatentToVisible();
        return t;
    }
}

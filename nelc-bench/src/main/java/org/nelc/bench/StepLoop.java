package org.nelc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingSession;

/**
 * The trainer's loop ({@link TrainingSession}, the same bits as {@link Trainer}) driven phase by phase
 * with a clock around each part: the z→x tables (exps, log1ps), the chain, the gradient,
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
        TrainingSession session = TrainingSession.start(plugins, config, data);
        int total = config.epochs() * config.stepsPerEpoch();
        double[][] rows = new double[Math.max(0, total - warmup)][];
        int step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int size = config.batchSize(epoch - 1);
            session.clearTransitions();
            for (int s = 0; s < config.stepsPerEpoch(); s++) {
                // TrainingSession.step, phase by phase, a clock around the four parts (the minibatch draw and
                // the transition counts stay outside)
                session.drawMinibatch(size);
                long a0 = now(wall);
                session.invalidateTables();
                long a1 = now(wall);
                session.runChain();
                long a2 = now(wall);
                session.recordTransitions();
                long a2b = now(wall);
                session.estimateGradient();
                long a3 = now(wall);
                session.applyGradient();
                long a4 = now(wall);
                if (step >= warmup) {
                    rows[step - warmup] = new double[] {(a1 - a0) * 1e-3, (a2 - a1) * 1e-3, (a3 - a2b) * 1e-3,
                        (a4 - a3) * 1e-3};
                }
                step++;
            }
        }
        long[] c = session.tables().counters();
        double[] perStep = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            perStep[i] = (double) c[i] / step;
        }
        return new Times(rows, PeerComparison.hash(session.model().blocks()), perStep);
    }
}

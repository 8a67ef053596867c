package org.nelc.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two-step gradient (Eqs. 16a–d) on the trained paper model, T = 48, at the schedule's smallest and
 * largest minibatch. {@code cold}: the tables invalidated first, so the per-state exps and log1ps are
 * paid, as in training; {@code warm}: the tables already filled (what is left: the sparse sums).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GradientBench {
    @Param({"16", "160"})
    int n;

    Model model;
    Dataset data;
    VisibleTables tables;
    ChainRecord record;
    int[] batch;
    double[][] grad;
    TwoStepEstimator estimator = new TwoStepEstimator();

    @Setup
    public void setup() {
        model = Fixture.model();
        data = Fixture.data();
        tables = new VisibleTables(model);
        record = new ChainRecord(48, model.visibleSize(), model.units());
        PersistentChain chain = Fixture.chain(1, 3);
        chain.run(model, tables, 48, record);
        batch = new int[n];
        for (int i = 0; i < n; i++) {
            batch[i] = (int) ((i * 7919L) % data.size());
        }
        int[] sizes = model.blockSizes();
        grad = new double[4][];
        for (int b = 0; b < 4; b++) {
            grad[b] = new double[sizes[b]];
        }
    }

    @Benchmark
    public double cold() {
        tables.invalidate();
        return estimator.estimate(model, tables, data, batch, record, ScoreFactor.PAPER, grad);
    }

    @Benchmark
    public double warm() {
        return estimator.estimate(model, tables, data, batch, record, ScoreFactor.PAPER, grad);
    }
}

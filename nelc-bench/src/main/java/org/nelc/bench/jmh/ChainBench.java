package org.nelc.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The persistent chain on the trained paper model (one-hot L = 6, D = 784): the cost of one double step
 * within a training step's 48 (tables already filled: {@code doubleStep}), of the 48 with the
 * per-step preparation ({@code trainingSegment}: logit cache, thresholds of the visited states), and a
 * 1e5-step evaluation chain ({@code evaluationChain}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChainBench {
    static final int T = 48;
    static final int LONG = 100_000;

    Model model;
    PersistentChain chain;
    VisibleTables tables;
    ChainRecord record;
    int[] trajectory;

    @Setup
    public void setup() {
        model = Fixture.model();
        chain = Fixture.chain(1, 7);
        tables = new VisibleTables(model);
        record = new ChainRecord(4800, model.visibleSize(), model.units());
        trajectory = new int[LONG];
    }

    /** 4800 double steps per call with the tables kept: the per-double-step cost. */
    @Benchmark
    @OperationsPerInvocation(4800)
    public ChainRecord doubleStep() {
        chain.run(model, tables, 4800, record);
        return record;
    }

    /** One training step's chain: T = 48 double steps, tables invalidated first (as the trainer does). */
    @Benchmark
    public ChainRecord trainingSegment() {
        tables.invalidate();
        chain.run(model, tables, T, record);
        return record;
    }

    /** The precise evaluation's chain: 1e5 double steps recording the latent states. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public int[] evaluationChain() {
        chain.runLatent(model, 0, trajectory);
        return trajectory;
    }
}

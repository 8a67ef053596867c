package org.nelc.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.TrainingSession;
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
 * One optimizer step (RMSprop on the paper's 9 418 parameters) and one whole training step — the
 * trainer's own {@link TrainingSession#step}: minibatch, tables, 48 double steps, transition counts,
 * gradient, RMSprop — at the average minibatch of the schedule, N = 88. The model is the trained one with
 * a tiny learning rate, so the parameters barely move while measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBench {
    @Param({"88"})
    int n;

    Model model;
    double[][] grad;
    Optimizer optimizer;
    TrainingSession session;

    @Setup
    public void setup() {
        model = Fixture.model();
        int[] sizes = model.blockSizes();
        grad = new double[4][];
        for (int b = 0; b < 4; b++) {
            grad[b] = new double[sizes[b]];
            for (int i = 0; i < sizes[b]; i++) {
                grad[b][i] = 1e-3 * ((i % 17) - 8);
            }
        }
        optimizer = rmsprop(sizes);
        Model trained = Fixture.model();
        session = TrainingSession.builder(trained, Fixture.data()).estimator(new TwoStepEstimator())
                .optimizer(rmsprop(sizes)).score(ScoreFactor.PAPER).chainSteps(48).largestBatch(n)
                .seeds(SeedTree.root(5)).build();
    }

    private static Optimizer rmsprop(int[] sizes) {
        return Fixture.PLUGINS.optimizer("rmsprop").create(new OptimizerSettings(1e-9, Map.of()), sizes);
    }

    @Benchmark
    public double[][] optimizerStep() {
        optimizer.step(model.blocks(), grad);
        return model.blocks();
    }

    @Benchmark
    public double trainingStep() {
        return session.step(n);
    }
}

package org.nelc.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The precise evaluation of the trained paper model: the whole of it as the peer times it (1000 burn-in
 * + 1e5 double steps, occupancy, log-likelihood over the 2991 images), the log-likelihood alone, and the
 * Rao-Blackwellized transition matrix (nelc-analysis, 2000 samples per row).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBench {
    Model model;
    Dataset data;
    PersistentChain chain;
    double[] occupancy;
    int[] trajectory;

    @Setup
    public void setup() {
        model = Fixture.model();
        data = Fixture.data();
        chain = Fixture.chain(1, 11);
        trajectory = new int[100_000];
        chain.runLatent(model, 0, trajectory);
        occupancy = PreciseLikelihood.occupancy(trajectory, model.latent().states());
    }

    @Benchmark
    public PreciseLikelihood.Result preciseEvaluation() {
        return PreciseLikelihood.compute(model, data, chain, 1000, 100_000);
    }

    @Benchmark
    public double[] likelihoodOverData() {
        return LogLikelihood.perPoint(model, data, occupancy);
    }

    @Benchmark
    public double[] raoBlackwellM() {
        boolean[] rows = new boolean[model.latent().states()];
        java.util.Arrays.fill(rows, true);
        return new RaoBlackwellEstimator(RaoBlackwellEstimator.DEFAULT_SAMPLES, SeedTree.root(1).child("rb"))
                .matrix(model, rows);
    }
}

package org.nelc.app.baseline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.api.data.Dataset;
import org.nelc.core.gradient.RbmExactEstimator;
import org.nelc.core.train.TrainingConfig;

/**
 * A rough prediction of the CPU time of {@code nelc compare}'s jobs, so the command can say what it will
 * cost before it starts. Each job's work is counted in multiply-adds of its dominant loops — training:
 * per gradient step, {@code (batch + 2·chains·T)·D·L} for the kernels, plus {@code states·D} for the
 * exact RBM gradient's enumeration; evaluation: {@code 2·(burn-in + chain)·D·L} for the chain,
 * {@code rows·samples·D·L} for the Rao-Blackwellized M, {@code N·D·states} for the likelihood; an EM
 * restart: {@code iterations·N·D·K} — and converted to seconds by a constant per kind, set on this
 * project's 2-core AMD EPYC machine at the paper's setting: the default compare on MNIST 0/1/2 predicts
 * 1.7 CPU minutes and measured 109 s (per-job CPU from the thread's own clock). JIT warm-up, memory and
 * other load are not modelled: the progress lines extrapolate from the measured jobs instead. {@code nelc sweep
 * plan} prints the same prediction for the cells of a sweep not yet finished.
 */
public final class CostModel {
    /** Seconds per unit of training work (NEQ 1.5–2 s, RBM 1.8–3 s per paper-setting job with its evaluation). */
    static final double NEQ_TRAIN = 4.0e-10;
    static final double RBM_PCD_TRAIN = 4.0e-10;
    static final double RBM_EXACT_TRAIN = 4.0e-10;
    /** Seconds per unit of evaluation work. */
    static final double EVALUATE = 4.0e-10;
    /** Seconds per unit of EM work, and the iterations assumed (31–64 measured on MNIST 0/1/2, L = 6). */
    static final double EM = 1.4e-9;
    static final int EM_ITERATIONS = 50;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CostModel() {
    }

    /** Predicted CPU seconds of training and evaluating one run of {@code kind}. */
    public static double trainAndEvaluate(String kind, TrainingConfig c, Dataset data, int states, EvaluationOptions e) {
        double d = data.dimension();
        double units = c.latent().units();
        double train = 0;
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            double step = (c.batchSize(epoch) + 2.0 * c.chains() * c.chainSteps()) * d * units;
            if (kind.equals(RbmExactEstimator.NAME)) {
                step += states * d;
            }
            train += c.stepsPerEpoch() * step;
        }
        double perUnit = switch (kind) {
            case "neq" -> NEQ_TRAIN;
            case RbmExactEstimator.NAME -> RBM_EXACT_TRAIN;
            default -> RBM_PCD_TRAIN;
        };
        double rows = Math.min(states, 2048);
        double evaluate = 2.0 * (e.burnIn() + (double) e.chainLength()) * d * units
                + rows * e.rbSamples() * d * units
                + data.size() * d * states;
        return perUnit * train + EVALUATE * evaluate;
    }

    /** The kind of job {@link #trainAndEvaluate} prices a training configuration as. */
    public static String kind(TrainingConfig c) {
        return c.model() == org.nelc.core.train.ModelKind.RBM ? c.gradient() : "neq";
    }

    /** Predicted CPU seconds of one EM restart with {@code components} components. */
    static double emRestart(Dataset data, int components, int maxIterations) {
        return EM * Math.min(maxIterations, EM_ITERATIONS) * (double) data.size() * data.dimension() * components;
    }

    /** CPU time of the calling thread so far, nanoseconds (0 where the JVM does not measure it). */
    static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** {@code 42 s}, {@code 3.5 min}, {@code 1.2 h}. */
    public static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}

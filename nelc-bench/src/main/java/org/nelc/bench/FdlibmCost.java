package org.nelc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nelc.core.math.Fdlibm;

/**
 * Cost per call of {@link Fdlibm}'s functions against {@link StrictMath}'s, on the arguments nelc's
 * z→x tables pass them ({@code exp(−|h|)}, {@code log1p(e)} with {@code e ∈ (0, 1]}; {@code log} on the
 * same {@code e}): a loop over 4096 precomputed arguments, this thread's CPU time, the minimum over 200
 * chunks of 10 loops (other processes on a loaded machine inflate some chunks, rarely all), three rounds.
 * Each loop is its own method so the JIT compiles and inlines it as in the tables' loops.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.FdlibmCost
 * </pre>
 */
public final class FdlibmCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int N = 4096;
    private static double sink;

    private FdlibmCost() {
    }

    public static void main(String[] args) {
        double[] h = new double[N];
        double[] e = new double[N];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            h[i] = -Math.abs(4 * r.nextGaussian()); // fields of a trained model: |h| mostly below 10
            e[i] = StrictMath.exp(h[i]);
        }
        double[] out = new double[N];
        for (int round = 1; round <= 3; round++) {
            System.out.println(String.format(Locale.ROOT,
                    "round %d, ns per call: exp StrictMath %.2f, Fdlibm %.2f | log1p StrictMath %.2f, Fdlibm %.2f | "
                            + "log StrictMath %.2f, Fdlibm %.2f",
                    round, cost(FdlibmCost::strictExp, h, out), cost(FdlibmCost::portExp, h, out),
                    cost(FdlibmCost::strictLog1p, e, out), cost(FdlibmCost::portLog1p, e, out),
                    cost(FdlibmCost::strictLog, e, out), cost(FdlibmCost::portLog, e, out)));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private interface Loop {
        void run(double[] x, double[] out);
    }

    private static double cost(Loop loop, double[] x, double[] out) {
        long best = Long.MAX_VALUE;
        for (int c = 0; c < 200; c++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 10; rep++) {
                loop.run(x, out);
            }
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
            sink += out[N - 1];
        }
        return best / (10.0 * N);
    }

    private static void strictExp(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.exp(x[i]);
        }
    }

    private static void portExp(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = Fdlibm.exp(x[i]);
        }
    }

    private static void strictLog1p(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.log1p(x[i]);
        }
    }

    private static void portLog1p(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = Fdlibm.log1p(x[i]);
        }
    }

    private static void strictLog(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.log(x[i]);
        }
    }

    private static void portLog(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = Fdlibm.log(x[i]);
        }
    }
}

package org.nelc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nelc.core.math.FdlibmConformance;
import org.nelc.core.math.FdlibmConformance.Function;
import org.nelc.core.math.FdlibmConformance.Result;

/**
 * The long run of {@link FdlibmConformance}: the branch edges and {@code COUNT} random arguments
 * (default 10^8) per function, one task per function and seed block on {@code THREADS} threads
 * (default 1). Prints one line per function and exits 1 on any mismatch. The suite's
 * {@code FdlibmTest} runs the same check with 10^6 arguments.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.FdlibmCheck [COUNT] [THREADS]
 * </pre>
 */
public final class FdlibmCheck {
    private static final long BLOCK = 10_000_000L;

    private FdlibmCheck() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.println("java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor")
                + "), " + System.getProperty("os.arch") + "; " + count + " random arguments per function");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        boolean ok = true;
        long t0 = System.nanoTime();
        try {
            for (Function f : Function.values()) {
                Result edges = FdlibmConformance.checkEdges(f);
                List<Future<Result>> parts = new ArrayList<>();
                for (long start = 0; start < count; start += BLOCK) {
                    long n = Math.min(BLOCK, count - start);
                    long seed = 0x5eed_0000L * (f.ordinal() + 1) + start / BLOCK; // a distinct stream per block
                    parts.add(pool.submit(() -> FdlibmConformance.checkRandom(f, n, seed)));
                }
                long checked = 0;
                long bad = 0;
                Result firstBad = null;
                for (Future<Result> p : parts) {
                    Result r = p.get();
                    checked += r.checked();
                    bad += r.mismatches();
                    if (firstBad == null && !r.passed()) {
                        firstBad = r;
                    }
                }
                System.out.println(edges + "; random: " + checked + " arguments, " + bad + " mismatches"
                        + (firstBad == null ? "" : " (" + firstBad + ")"));
                ok &= edges.passed() && bad == 0;
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("%s in %.0f s%n", ok ? "all identical to StrictMath" : "MISMATCHES FOUND",
                (System.nanoTime() - t0) / 1e9);
        if (!ok) {
            System.exit(1);
        }
    }
}

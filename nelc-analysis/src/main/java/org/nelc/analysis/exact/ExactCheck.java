package org.nelc.analysis.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.chain.PersistentChain;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.Initializer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingSession;

/**
 * "How good is the two-step gradient?" Trains a small model ({@code D ≤ 14}) with the two-step
 * gradient of Sect. III (Eqs. 16a–16d, 17) and, every {@code checkEvery} steps, compares it with the
 * exact gradient of the full-data log-likelihood ({@link ExactGradient#adjoint}): the two-step estimate
 * on the full data is averaged over {@code probeSegments} chain segments of {@code T} double steps (a
 * probe chain started from the training chain's state, on its own stream, so probing does not change
 * the training), and the cosine similarity and norm ratio with the exact gradient are reported, over
 * all trained blocks and separately for the z→x ({@code w}, {@code a}) and x→z ({@code w̄}, {@code ā})
 * blocks. At the end the exact log-likelihood reached is compared with the best found by exact-gradient
 * ascent (same optimizer, from the same initialization and from {@code restarts} others).
 *
 * <p>Blocks the encoding does not train ({@code a} for one-hot, Eq. 20) are left out of every
 * comparison. Training is a {@link TrainingSession}, the trainer's own loop. Streams
 * ({@link SeedStreams}): {@code SeedTree.root(seed).child("exact-check")} → {@code data}, {@code init},
 * {@code chain-init}, {@code chain}, {@code batch}, {@code probe/k}, {@code init-restart/r}.
 */
public final class ExactCheck {
    /** The paper's initialization (App. A.1), as in training. */
    private static final double INIT_FRACTION = TrainingConfig.PAPER_INIT_FRACTION;
    private static final double INIT_CLIP = TrainingConfig.PAPER_INIT_CLIP;

    private ExactCheck() {
    }

    /** Runs the check with the plugins visible to this class's loader (the optimizer comes from nelc-optim). */
    public static ExactCheckReport run(ExactCheckOptions o) {
        return run(o, PluginCatalog.discover(ExactCheck.class.getClassLoader()));
    }

    /** Runs the check, resolving encoding, visible kernel and optimizer by name in {@code plugins}. */
    public static ExactCheckReport run(ExactCheckOptions o, PluginCatalog plugins) {
        long start = System.nanoTime();
        SeedTree root = SeedTree.root(o.seed()).child(SeedStreams.EXACT_CHECK);
        Dataset data = o.data() != null ? o.data()
                : PrototypeData.generate(o.rows(), o.dimension(), o.classes(), 0.4, o.flip(), root.child(SeedStreams.DATA).stream());
        int d = data.dimension();
        LatentKernel latent = plugins.latentKernel(o.encoding(), o.units(), o.normalization());
        OptimizerFactory factory = plugins.optimizer(o.optimizer());
        OptimizerSettings settings = OptimizerSettings.of(o.learningRate());
        double[] c = o.centering() ? data.mean() : new double[d];
        VisibleKernel visible = plugins.visibleKernel(o.visibleKernel(), o.visibleKernelSettings());
        // the exact reference trusts the kernels' derivatives: check them against their own log-probabilities
        KernelCheck kernelCheck = KernelCheck.of(latent, visible, root.child(SeedStreams.KERNEL_CHECK).stream());
        Model model = new Model(d, latent, visible, c);
        Initializer.initialize(model, data, INIT_FRACTION, INIT_CLIP, root.child(SeedStreams.INIT).stream());
        ExactSystem.of(model); // refuses a system too large to enumerate before any work is done
        Model initial = model.copy();
        boolean[] trained = {true, latent.trainsVisibleBias(), true, true};

        GradientEstimator estimator = plugins.gradient(o.gradient(), o.gradientSettings());
        // the training loop is the trainer's, on this check's streams (chain-init, chain, batch of root)
        TrainingSession session = TrainingSession.builder(model, data).estimator(estimator)
                .optimizer(factory.create(settings, model.blockSizes())).score(o.score()).chainSteps(o.chainSteps())
                .largestBatch(o.batchSize()).seeds(root).build();
        List<ExactCheckRow> rows = new ArrayList<>();
        double bestTwoStep = Double.NEGATIVE_INFINITY;
        int probe = 0;
        for (int step = 0; ; step++) {
            if (step % o.checkEvery() == 0 || step == o.steps()) {
                ExactCheckRow r = compare(step, model, data, session.chain().state(0),
                        root.child(SeedStreams.PROBE, probe++), o, trained, estimator);
                rows.add(r);
                bestTwoStep = Math.max(bestTwoStep, r.exactLogLikelihood());
            }
            if (step == o.steps()) {
                break;
            }
            session.step(o.batchSize());
        }
        double finalLl = rows.get(rows.size() - 1).exactLogLikelihood();

        double sameInit = exactAscent(initial.copy(), data, factory, settings, o.exactAscentSteps(), trained);
        double best = sameInit;
        for (int r = 1; r <= o.restarts(); r++) {
            Model m = new Model(d, latent, model.visible(), c);
            Initializer.initialize(m, data, INIT_FRACTION, INIT_CLIP, root.child(SeedStreams.INIT_RESTART, r).stream());
            best = Math.max(best, exactAscent(m, data, factory, settings, o.exactAscentSteps(), trained));
        }
        String setup = String.format(Locale.ROOT,
                "exact check: data %s (%d rows, D=%d); %s:%d %s, z->x %s, gradient %s, score %s; %s lr %s, %d steps of T=%d, batch %d; "
                        + "%d probe segments per comparison; exact ascent %d steps, %d restarts; seed %d",
                data.source(), data.size(), d, latent.encoding(), latent.units(), latent.normalization(), withSettings(visible.name(), o.visibleKernelSettings()),
                withSettings(o.gradient(), o.gradientSettings()),
                o.score().label(), o.optimizer(), o.learningRate(), o.steps(), o.chainSteps(), o.batchSize(), o.probeSegments(), o.exactAscentSteps(),
                o.restarts(), o.seed());
        return ExactCheckReport.builder().gradient(o.gradient()).setup(setup).kernelCheck(kernelCheck.summary())
                .rows(rows).finalLogLikelihood(finalLl).bestTwoStepLogLikelihood(bestTwoStep)
                .exactAscentLogLikelihood(sameInit).bestExactLogLikelihood(best)
                .seconds((System.nanoTime() - start) * 1e-9).build();
    }

    /** {@code name} or {@code name(k=v,…)}. */
    private static String withSettings(String name, org.nelc.api.Settings s) {
        return s.isEmpty() ? name : name + "(" + s + ")";
    }

    /** One comparison of the averaged two-step estimate with the exact gradient at {@code model}. */
    static ExactCheckRow compare(long step, Model model, Dataset data, byte[] chainState, SeedTree seeds, ExactCheckOptions o,
            boolean[] trained, GradientEstimator estimator) {
        ExactSystem sys = ExactSystem.of(model);
        double ll = sys.logLikelihood(data);
        double[][] exact = ExactGradient.adjoint(sys, data);
        mask(exact, trained);
        PersistentChain probe = new PersistentChain(new byte[][] {chainState},
                new RestorableUniformRandomProvider[] {seeds.stream()});
        int t = o.chainSteps();
        ChainRecord record = new ChainRecord(t, data.dimension(), model.units());
        probe.run(model, t, record); // one segment of burn-in
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[][] g = zeros(model);
        double[][] mean = zeros(model);
        double single = 0;
        for (int s = 0; s < o.probeSegments(); s++) {
            probe.run(model, t, record);
            estimator.estimate(model, data, all, record, o.score(), g);
            mask(g, trained);
            single += cosine(g, exact, 0, 4);
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < g[b].length; j++) {
                    mean[b][j] += g[b][j] / o.probeSegments();
                }
            }
        }
        double exactNorm = Math.sqrt(dot(exact, exact, 0, 4));
        // blocks 0–1 are the visible parameters, 2–3 the latent ones
        return ExactCheckRow.builder().step(step).exactLogLikelihood(ll).cosine(cosine(mean, exact, 0, 4))
                .cosineVisible(cosine(mean, exact, 0, 2)).cosineLatent(cosine(mean, exact, 2, 4))
                .normRatio(Math.sqrt(dot(mean, mean, 0, 4)) / exactNorm)
                .singleSegmentCosine(single / o.probeSegments()).exactNorm(exactNorm).build();
    }

    /** Exact ascent stops when its best log-likelihood has not improved by this much … */
    static final double STALL_TOLERANCE = 1e-6;
    /** … in this many steps. */
    static final int STALL_STEPS = 200;

    /**
     * The best exact log-likelihood found by exact-gradient ascent from {@code model}: up to
     * {@code steps} steps with the given learning rate, then the same with 1/10 and 1/100 of it (a
     * constant rate leaves the ascent oscillating around its optimum; the smaller rates settle it). Each
     * stage stops early once the best has not improved by {@value #STALL_TOLERANCE} nats in
     * {@value #STALL_STEPS} steps.
     */
    static double exactAscent(Model model, Dataset data, OptimizerFactory factory, OptimizerSettings settings,
            int steps, boolean[] trained) {
        double best = Double.NEGATIVE_INFINITY;
        for (double scale : new double[] {1, 0.1, 0.01}) {
            OptimizerSettings stage = new OptimizerSettings(settings.learningRate() * scale, settings.extras());
            best = Math.max(best, ascend(model, data, factory.create(stage, model.blockSizes()), steps, trained));
        }
        return best;
    }

    private static double ascend(Model model, Dataset data, Optimizer optimizer, int steps, boolean[] trained) {
        double best = Double.NEGATIVE_INFINITY;
        double[][] bestParams = null;
        int lastImprovement = 0;
        for (int s = 0; ; s++) {
            ExactSystem sys = ExactSystem.of(model);
            double ll = sys.logLikelihood(data);
            if (!Double.isFinite(ll)) {
                break;
            }
            if (ll > best + STALL_TOLERANCE) {
                lastImprovement = s;
            }
            if (ll > best) {
                best = ll;
                bestParams = copy(model.blocks());
            }
            if (s == steps || s - lastImprovement >= STALL_STEPS) {
                break;
            }
            double[][] g = ExactGradient.adjoint(sys, data);
            mask(g, trained);
            optimizer.step(model.blocks(), g);
            if (model.firstNonFinite() != null) {
                break;
            }
        }
        if (bestParams != null) {
            for (int b = 0; b < bestParams.length; b++) {
                System.arraycopy(bestParams[b], 0, model.blocks()[b], 0, bestParams[b].length);
            }
        }
        return best;
    }

    private static double[][] copy(double[][] blocks) {
        double[][] c = new double[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            c[b] = blocks[b].clone();
        }
        return c;
    }

    private static double[][] zeros(Model model) {
        int[] sizes = model.blockSizes();
        double[][] g = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            g[b] = new double[sizes[b]];
        }
        return g;
    }

    private static void mask(double[][] g, boolean[] trained) {
        for (int b = 0; b < g.length; b++) {
            if (!trained[b]) {
                Arrays.fill(g[b], 0.0);
            }
        }
    }

    static double dot(double[][] x, double[][] y, int from, int to) {
        double s = 0;
        for (int b = from; b < to; b++) {
            for (int j = 0; j < x[b].length; j++) {
                s += x[b][j] * y[b][j];
            }
        }
        return s;
    }

    /** Cosine of blocks {@code [from, to)}; NaN when either part is zero. */
    static double cosine(double[][] x, double[][] y, int from, int to) {
        double nx = dot(x, x, from, to);
        double ny = dot(y, y, from, to);
        if (nx == 0 || ny == 0) {
            return Double.NaN;
        }
        return dot(x, y, from, to) / Math.sqrt(nx * ny);
    }
}

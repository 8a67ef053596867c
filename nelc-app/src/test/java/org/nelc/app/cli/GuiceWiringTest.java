package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.analysis.evaluate.TransitionEstimators;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.app.report.ReportWriter;
import org.nelc.app.wiring.AppContext;
import org.nelc.app.wiring.DataLoader;
import org.nelc.app.wiring.NelcModule;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import org.nelc.data.DataSources;

/**
 * The Guice wiring: commands get their collaborators from the injector, so a test substitutes them; a
 * plugin jar's module overrides built-in bindings with the documented precedence (built-in, then plugin
 * modules, then explicit overrides); a broken module is named in one line and left out.
 */
class GuiceWiringTest {
    private static final Key<List<Diagnostic>> DIAGNOSTICS = Key.get(new TypeLiteral<List<Diagnostic>>() {
    }, Names.named(NelcModule.EVALUATION_DIAGNOSTICS));

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(List<Module> overrides, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), overrides);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code train} receives its trainer and data loader: mocks see exactly the flags' configuration. */
    @Test
    void trainUsesTheInjectedTrainerAndDataLoader() throws Exception {
        Path file = CliHarness.syntheticData(dir);
        Dataset data = new DataSources(PluginCatalog.discover(getClass().getClassLoader()).dataSources())
                .load(file, DataSelection.firstRows(DataSelection.ALL));
        DataLoader loader = mock(DataLoader.class);
        when(loader.load(any(), any())).thenReturn(data);
        Trainer trainer = mock(Trainer.class);
        TrainingConfig expected = TrainingConfig.builder().latent("one-hot", 2).epochs(2).stepsPerEpoch(3).batch(4, 4)
                .chainSteps(4).seed(5).build();
        TrainedModel real = new Trainer(PluginCatalog.discover(getClass().getClassLoader()))
                .train(expected, data, TrainingListener.NONE);
        when(trainer.run(any(), any(), eq(data), any(), any())).thenReturn(real);
        Module mocks = new AbstractModule() {
            @Override
            protected void configure() {
                bind(DataLoader.class).toInstance(loader);
                bind(Trainer.class).toInstance(trainer);
            }
        };
        Path out = dir.resolve("run");
        Run r = run(List.of(mocks), "train", "--data", "nowhere.txt", "--latent", "one-hot:2", "--epochs", "2",
                "--steps-per-epoch", "3", "--batch", "4:4", "--chain-steps", "4", "--seed", "5", "--quiet", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        verify(loader).load(eq(Path.of("nowhere.txt")), any());
        ArgumentCaptor<TrainingConfig> config = ArgumentCaptor.forClass(TrainingConfig.class);
        verify(trainer).run(any(), config.capture(), eq(data), any(), any());
        TrainingConfig c = config.getValue();
        assertEquals(List.of(expected.latent(), expected.epochs(), expected.stepsPerEpoch(), expected.batchMin(),
                expected.batchMax(), expected.chainSteps(), expected.seed()), List.of(c.latent(), c.epochs(),
                c.stepsPerEpoch(), c.batchMin(), c.batchMax(), c.chainSteps(), c.seed()));
        assertTrue(Files.exists(out.resolve("model.json")), r.out());
        assertTrue(r.out().contains("wrote " + out.resolve("model.json")), r.out());
    }

    /** {@code reproduce} writes through the injected report writer (a spy: the real one, watched). */
    @Test
    void reproduceWritesThroughTheInjectedReportWriter() {
        Path file = CliHarness.syntheticData(dir);
        ReportWriter writer = spy(new ReportWriter(PluginCatalog.discover(getClass().getClassLoader())));
        Module spyModule = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ReportWriter.class).toInstance(writer);
            }
        };
        Path out = dir.resolve("ensemble");
        Run r = run(List.of(spyModule), "reproduce", "--data", file.toString(), "--per-class", "100", "--latent",
                "one-hot:3", "--epochs", "2", "--steps-per-epoch", "5", "--batch", "8:16", "--chain-steps", "8",
                "--chain-length", "500", "--burn-in", "50", "--rb-samples", "50", "--models", "2", "--threads", "1",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        verify(writer, times(1)).writeEnsemble(any(), any(), any());
        verify(writer, never()).writeVariants(any(), any(), any(), any());
        assertTrue(Files.exists(out.resolve("report.html")), r.out());
    }

    /** {@code exact-check} resolves its plugins in the injected catalog (here: one without optimizers). */
    @Test
    void exactCheckUsesTheInjectedCatalog() {
        PluginCatalog noOptimizers = new PluginCatalog(Map.of());
        Module catalog = new AbstractModule() {
            @Override
            protected void configure() {
                bind(PluginCatalog.class).toInstance(noOptimizers);
            }
        };
        Run r = run(List.of(catalog), "exact-check", "--steps", "2", "--check-every", "1", "--probe-segments", "1");
        assertEquals(Main.USER_ERROR, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("nelc: ") && r.err().strip().lines().count() == 1, r.err());
    }

    private static final String MODULE = """
            package guiceplug;
            import com.google.inject.AbstractModule;
            import com.google.inject.Provides;
            import com.google.inject.name.Named;
            import java.util.List;
            import org.nelc.api.diagnostic.*;
            public final class OnlyMarker extends AbstractModule {
                @Provides @Named("evaluation-diagnostics")
                List<Diagnostic> diagnostics() { return List.of(new Marker()); }
                public static final class Marker implements Diagnostic {
                    public String name() { return "marker"; }
                    public String description() { return "the plugin module's diagnostic"; }
                    public DiagnosticResult compute(DiagnosticContext c) { return DiagnosticResult.notAvailable("marker", "only marks which binding won"); }
                }
            }
            """;

    private static final String BROKEN = """
            package guiceplug;
            import com.google.inject.AbstractModule;
            public final class Broken extends AbstractModule {
                @Override protected void configure() { throw new IllegalStateException("cannot configure"); }
            }
            """;

    /** Builds a plugin jar whose META-INF/services/com.google.inject.Module lists {@code modules}. */
    private Path moduleJar(String jarName, Map<String, String> sources, List<String> modules) {
        return moduleJar(jarName, sources, modules, List.of());
    }

    /** As above, compiled also against {@code nelcClasses}' jars (a module binding nelc's internal types). */
    private Path moduleJar(String jarName, Map<String, String> sources, List<String> modules,
            List<Class<?>> nelcClasses) {
        List<String> cp = new ArrayList<>(List.of(PluginJars.classPathOf(Module.class),
                PluginJars.classPathOf(jakarta.inject.Provider.class)));
        for (Class<?> c : nelcClasses) {
            cp.add(PluginJars.classPathOf(c));
        }
        Path classes = PluginJars.compile(dir.resolve("work-" + jarName), sources, cp);
        Path plugins = dir.resolve("plugins");
        PluginJars.jar(plugins.resolve(jarName), classes, List.copyOf(sources.keySet()),
                Map.of(Module.class.getName(), String.join("\n", modules) + "\n"));
        return plugins;
    }

    @Test
    void aPluginModuleOverridesABuiltInBindingAndExplicitOverridesWinOverIt() {
        Path plugins = moduleJar("marker.jar", Map.of("guiceplug.OnlyMarker", MODULE), List.of("guiceplug.OnlyMarker"));
        AppContext builtIn = new AppContext(List.of());
        assertTrue(builtIn.injector().getInstance(DIAGNOSTICS).size() > 1, "every diagnostic plugin by default");

        AppContext withPlugin = new AppContext(List.of(plugins));
        List<Diagnostic> d = withPlugin.injector().getInstance(DIAGNOSTICS);
        assertEquals(List.of("marker"), d.stream().map(Diagnostic::name).toList());
        assertTrue(withPlugin.problems().isEmpty(), withPlugin.problems().toString());

        Module explicit = new AbstractModule() {
            @Override
            protected void configure() {
                bind(DIAGNOSTICS).toInstance(List.of());
            }
        };
        assertEquals(List.of(), new AppContext(List.of(plugins), List.of(explicit)).injector().getInstance(DIAGNOSTICS));
    }

    @Test
    void aBrokenPluginModuleIsNamedInOneLineAndLeftOut() {
        Path plugins = moduleJar("mixed.jar", Map.of("guiceplug.OnlyMarker", MODULE, "guiceplug.Broken", BROKEN),
                List.of("guiceplug.Broken", "guiceplug.OnlyMarker", "guiceplug.Missing"));
        AppContext context = new AppContext(List.of(plugins));
        List<String> problems = context.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("guiceplug.Broken") && p.contains("mixed.jar")
                && p.contains("cannot configure")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("guiceplug.Missing")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("\n")), problems.toString());
        assertEquals(List.of("marker"), context.injector().getInstance(DIAGNOSTICS).stream().map(Diagnostic::name)
                .toList(), "the good module still applies");

        Run r = run(List.of(), "--plugins", plugins.toString(), "exact-check", "--steps", "1", "--check-every", "1",
                "--probe-segments", "1", "--restarts", "0", "--rows", "20", "--batch", "4", "--dimension", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("nelc: plugin not loaded: Guice module guiceplug.Broken"), r.err());
    }

    /**
     * A plugin module that replaces the evaluator's transition-matrix estimators: its "rao-blackwell" is the
     * counted M relabelled, with a method of its own.
     */
    private static final String ESTIMATORS = """
            package estplug;
            import com.google.inject.AbstractModule;
            import java.util.List;
            import org.nelc.analysis.evaluate.TransitionEstimators;
            import org.nelc.analysis.transition.CountEstimator;
            import org.nelc.analysis.transition.ReplicatedEstimate;
            import org.nelc.analysis.transition.TransitionEstimator;
            import org.nelc.api.diagnostic.TransitionEstimate;
            import org.nelc.api.model.ModelView;
            public final class CountsAsRb extends AbstractModule {
                @Override protected void configure() {
                    bind(TransitionEstimators.class).toInstance((options, seeds) -> List.of(new CountEstimator(), new Relabelled()));
                }
                public static final class Relabelled implements TransitionEstimator {
                    private final CountEstimator counts = new CountEstimator();
                    public String name() { return "rao-blackwell"; }
                    public TransitionEstimate estimate(ModelView m, int[] t) { return rename(counts.estimate(m, t)); }
                    public ReplicatedEstimate estimateWithReplicates(ModelView m, int[] t) {
                        ReplicatedEstimate r = counts.estimateWithReplicates(m, t);
                        return new ReplicatedEstimate(rename(r.estimate()),
                                r.replicates().stream().map(Relabelled::rename).toList(), "estplug relabelled counts", r.note());
                    }
                    static TransitionEstimate rename(TransitionEstimate e) { return e.toBuilder().estimator("rao-blackwell").build(); }
                }
            }
            """;

    /** {@code evaluate} uses the transition estimators a plugin's module binds; an explicit override wins over it. */
    @Test
    void aPluginModuleReplacesTheEvaluatorsTransitionEstimators() {
        Path plugins = moduleJar("estimators.jar", Map.of("estplug.CountsAsRb", ESTIMATORS),
                List.of("estplug.CountsAsRb"), List.of(TransitionEstimators.class, TransitionEstimate.class,
                        SeedTree.class));
        Path data = CliHarness.syntheticData(dir);
        Path model = dir.resolve("model");
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, model)).code());
        String[] evaluate = {"evaluate", model.resolve("model.json").toString(), "--data", data.toString(),
            "--per-class", "100", "--chain-length", "2000", "--burn-in", "50", "--rb-samples", "20", "--json",
            "--out", dir.resolve("evaluation.json").toString()};

        Evaluation builtIn = Evaluation.fromJson(run(List.of(), evaluate).out());
        Run r = run(List.of(), concat(new String[] {"--plugins", plugins.toString()}, evaluate));
        assertEquals(0, r.code(), r.err());
        Evaluation plugged = Evaluation.fromJson(r.out());

        // the built-in Rao-Blackwellized M differs from the counted one; the plugin's is the counted one
        assertTrue(!Arrays.deepEquals(builtIn.count().matrix(), builtIn.raoBlackwell().matrix()));
        assertTrue(Arrays.deepEquals(builtIn.count().matrix(), plugged.count().matrix()), "same chain, same counts");
        assertTrue(Arrays.deepEquals(plugged.count().matrix(), plugged.raoBlackwell().matrix()));
        assertEquals(plugged.count().samples(), plugged.raoBlackwell().samples());
        String method = plugged.measurement(MeasurementKey.SIGMA).method();
        assertTrue(method.contains("estplug relabelled counts"), method);

        Module explicit = new AbstractModule() {
            @Override
            protected void configure() {
                bind(TransitionEstimators.class).toInstance(TransitionEstimators.STANDARD);
            }
        };
        Run back = run(List.of(explicit), concat(new String[] {"--plugins", plugins.toString()}, evaluate));
        assertEquals(0, back.code(), back.err());
        Evaluation overridden = Evaluation.fromJson(back.out());
        assertTrue(Arrays.deepEquals(builtIn.raoBlackwell().matrix(), overridden.raoBlackwell().matrix()),
                "an explicit override wins over the plugin's module");
        assertEquals(CountEstimator.NAME, overridden.count().estimator());
        assertEquals(RaoBlackwellEstimator.NAME, overridden.raoBlackwell().estimator());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

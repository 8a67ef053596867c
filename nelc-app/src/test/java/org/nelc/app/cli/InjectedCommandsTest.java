package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.app.wiring.DataLoader;
import org.nelc.core.io.ModelFile;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.data.DataSources;

/**
 * The commands that read data, models and evaluations get them from their injected collaborators: a
 * Mockito data loader (the data never comes from the path given), a spied evaluator (the real one, watched:
 * the options it receives are the flags), a catalog without plugins (the model cannot be read).
 */
class InjectedCommandsTest {
    @TempDir
    Path dir;

    private Dataset data;
    private DataLoader loader;
    private Evaluator evaluator;
    private Module mocks;

    @BeforeEach
    void collaborators() {
        Path file = CliHarness.syntheticData(dir);
        data = new DataSources(PluginCatalog.discover(getClass().getClassLoader()).dataSources())
                .load(file, DataSelection.firstRows(DataSelection.ALL));
        loader = mock(DataLoader.class);
        when(loader.load(any(), any())).thenReturn(data);
        evaluator = spy(new Evaluator(List.of()));
        mocks = module(loader, evaluator);
    }

    private static Module module(DataLoader loader, Evaluator evaluator) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(DataLoader.class).toInstance(loader);
                bind(Evaluator.class).toInstance(evaluator);
            }
        };
    }

    private static CliHarness.Result run(List<Module> overrides, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), overrides);
        return new CliHarness.Result(code, out.toString(), err.toString());
    }

    /** A model trained on the synthetic data (a fraction of a second), without an evaluation beside it. */
    private Path model() {
        Path run = dir.resolve("run");
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(CliHarness.syntheticData(dir), run));
        assertEquals(0, r.code(), r.toString());
        return run.resolve("model.json");
    }

    @Test
    void evaluatePassesItsFlagsToTheInjectedEvaluatorOnTheInjectedData() {
        Path model = model();
        Path target = dir.resolve("e.json");
        CliHarness.Result r = run(List.of(mocks), "evaluate", model.toString(), "--data", "nowhere.txt", "--seed", "9",
                "--chain-length", "1500", "--burn-in", "30", "--rb-samples", "40", "--precision", "0.5", "--out",
                target.toString());
        assertEquals(0, r.code(), r.toString());
        verify(loader).load(eq(Path.of("nowhere.txt")), any());
        ArgumentCaptor<EvaluationOptions> options = ArgumentCaptor.forClass(EvaluationOptions.class);
        verify(evaluator).evaluate(any(ModelFile.class), eq(data), options.capture(), any());
        EvaluationOptions o = options.getValue();
        assertEquals(List.of(9L, 1500, 30, 40, 0.5), List.of(o.seed(), o.chainLength(), o.burnIn(), o.rbSamples(),
                o.precision()));
        assertTrue(Files.exists(target), r.out());
    }

    @Test
    void showEvaluatesThroughTheInjectedEvaluatorWhenNoEvaluationIsBesideTheModel() {
        Path model = model();
        Path png = dir.resolve("panel.png");
        CliHarness.Result r = run(List.of(mocks), "show", model.toString(), "--png", png.toString(), "--data",
                "nowhere.txt", "--chain-length", "1200", "--seed", "4");
        assertEquals(0, r.code(), r.toString());
        verify(loader).load(eq(Path.of("nowhere.txt")), any());
        ArgumentCaptor<EvaluationOptions> options = ArgumentCaptor.forClass(EvaluationOptions.class);
        verify(evaluator).evaluate(any(Model.class), eq(data), any(), options.capture());
        assertEquals(List.of(4L, 1200), List.of(options.getValue().seed(), options.getValue().chainLength()));
        assertTrue(Files.exists(png), r.out());
    }

    @Test
    void emFitsTheRowsTheInjectedLoaderGives() throws Exception {
        Path out = dir.resolve("em");
        CliHarness.Result r = run(List.of(mocks), "em", "--components", "3", "--restarts", "2", "--iterations", "30",
                "--data", "nowhere.txt", "--per-class", "100", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        ArgumentCaptor<DataSelection> selection = ArgumentCaptor.forClass(DataSelection.class);
        verify(loader).load(eq(Path.of("nowhere.txt")), selection.capture());
        assertEquals(100, selection.getValue().perClass());
        assertTrue(r.out().contains(data.source()), r.out());
        assertTrue(Files.readString(out.resolve("em.json")).contains("\"restarts\""), "em.json written");
    }

    @Test
    void compareEvaluatesEveryRunWithTheInjectedEvaluator() {
        Path out = dir.resolve("cmp");
        CliHarness.Result r = run(List.of(mocks), "compare", "--data", "nowhere.txt", "--latent", "one-hot:3",
                "--epochs", "2", "--steps-per-epoch", "5", "--batch", "8:16", "--chain-steps", "8", "--seeds", "1",
                "--rbm-seeds", "1", "--rbm-gradient", "rbm-pcd", "--lr-grid", "0.1", "--restarts", "1",
                "--chain-length", "1000", "--burn-in", "50", "--rb-samples", "50", "--threads", "1", "--quiet",
                "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        verify(loader).load(eq(Path.of("nowhere.txt")), any());
        // the NEQ run, the RBM run and the best EM mixture (evaluated as the one-hot RBM it is): every
        // evaluation goes through the evaluator's full overload
        verify(evaluator, times(3)).evaluate(any(Model.class), eq(data), any(), any());
        assertTrue(Files.exists(out.resolve("compare.csv")), r.out());
    }

    /** export and sample read the model with the injected catalog: one without plugins cannot rebuild it. */
    @Test
    void exportAndSampleReadTheModelWithTheInjectedCatalog() {
        Path model = model();
        Module empty = new AbstractModule() {
            @Override
            protected void configure() {
                bind(PluginCatalog.class).toInstance(new PluginCatalog(Map.of()));
            }
        };
        Path npz = dir.resolve("m.npz");
        assertEquals(0, run(List.of(), "export", model.toString(), "--npz", npz.toString()).code());
        assertTrue(Files.exists(npz));
        for (String[] args : List.of(new String[] {"export", model.toString(), "--npz", dir.resolve("x.npz").toString()},
                new String[] {"sample", model.toString(), "--png", dir.resolve("x.png").toString()})) {
            CliHarness.Result r = run(List.of(empty), args);
            assertEquals(Main.USER_ERROR, r.code(), r.toString());
            assertTrue(r.err().startsWith("nelc: ") && r.err().strip().lines().count() == 1, r.err());
            assertTrue(r.err().contains("one-hot"), r.err());
        }
    }
}

package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.core.io.ModelFile;
import org.nelc.core.model.Model;

class EvaluatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String withoutTimings(Evaluation e) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(e.toJson());
        tree.remove("timings");
        return tree.toString();
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() throws Exception {
        Model model = TestModels.randomModel(9, TestModels.kernel("one-hot", 4, "sigmoid-ratio"), 1.5, 2);
        Dataset data = TestModels.prototypes(100, 9, 3, 2);
        Evaluator ev = new Evaluator(Evaluator.discoverDiagnostics());
        Evaluation a = ev.evaluate(model, data, new EvaluationOptions(5, 20_000, 100, 300));
        Evaluation b = ev.evaluate(model, data, new EvaluationOptions(5, 20_000, 100, 300));
        Evaluation c = ev.evaluate(model, data, new EvaluationOptions(6, 20_000, 100, 300));
        assertEquals(withoutTimings(a), withoutTimings(b));
        assertNotEquals(a.logLikelihood(), c.logLikelihood());
        assertEquals(a.initialState(), b.initialState());
        assertTrue(a.initialState().startsWith("data row "));
        assertEquals(20_000, a.chainLength());
        assertEquals(0.25, a.value(MeasurementKey.SELF_TRANSITION_BASELINE));
    }

    @Test
    void jsonRoundTripKeepsEveryNumberIncludingNonFiniteOnes(@TempDir Path dir) throws Exception {
        Model model = TestModels.randomModel(7, TestModels.kernel("bits", 2, null), 1.5, 3);
        Dataset data = TestModels.unlabeled(TestModels.prototypes(50, 7, 2, 3));
        Evaluation e = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(model, data,
                new EvaluationOptions(1, 5000, 10, 100));
        assertEquals(DiagnosticResult.Status.NOT_AVAILABLE, e.result("class-kl").status());
        assertEquals("needs labels: the data has none", e.result("class-kl").message());
        assertTrue(Double.isNaN(e.value(MeasurementKey.CLASS_KL)));
        Path file = dir.resolve("evaluation.json");
        e.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"schema\" : \"nelc-evaluation\""), json.substring(0, 200));
        assertFalse(json.matches("(?s).*:\\s*NaN.*"), "non-finite numbers are written as strings");
        Evaluation back = Evaluation.fromJson(json);
        assertEquals(e.logLikelihood(), back.logLikelihood(), 0);
        assertTrue(Double.isNaN(back.value(MeasurementKey.CLASS_KL)));
        assertArrayEquals(e.count().matrix()[1], back.count().matrix()[1], 0);
        assertArrayEquals(e.raoBlackwell().stationary(), back.raoBlackwell().stationary(), 0);
        assertEquals(e.diagnostics().size(), back.diagnostics().size());
        assertEquals(e.measurement(MeasurementKey.SIGMA), back.measurement(MeasurementKey.SIGMA));
        assertEquals(withoutTimings(e), withoutTimings(back));
    }

    /** A diagnostic that throws, or returns what cannot be written, is recorded as failed; the rest is kept. */
    @Test
    void aThrowingDiagnosticIsReportedAsFailedAndTheRestIsWritten(@TempDir Path dir) {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 4);
        Dataset data = TestModels.prototypes(30, 6, 3, 4);
        List<Diagnostic> diags = new ArrayList<>(Evaluator.discoverDiagnostics());
        diags.add(0, diagnostic("broken", c -> {
            throw new IllegalStateException("boom\nsecond line");
        }));
        diags.add(diagnostic("unwritable", c -> DiagnosticResult.of("unwritable", List.of(),
                Map.of("self", new Object()))));
        diags.add(diagnostic("linkage", c -> {
            throw new NoClassDefFoundError("ext/Missing");
        }));
        Evaluation e = new Evaluator(diags).evaluate(model, data, new EvaluationOptions(1, 2000, 10, 20));
        DiagnosticResult broken = e.result("broken");
        assertEquals(DiagnosticResult.Status.FAILED, broken.status());
        assertEquals("IllegalStateException: boom", broken.message());
        assertEquals(DiagnosticResult.Status.FAILED, e.result("unwritable").status());
        assertEquals("NoClassDefFoundError: ext/Missing", e.result("linkage").message());
        assertTrue(Double.isFinite(e.value(MeasurementKey.SIGMA)), "the built-ins still ran after the failure");
        e.write(dir.resolve("evaluation.json"));
        Evaluation back = Evaluation.fromJson(e.toJson());
        assertEquals(DiagnosticResult.Status.FAILED, back.result("broken").status());
        assertEquals(e.value(MeasurementKey.SIGMA), back.value(MeasurementKey.SIGMA));
    }

    private static Diagnostic diagnostic(String name, java.util.function.Function<DiagnosticContext, DiagnosticResult> f) {
        return new Diagnostic() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public DiagnosticResult compute(DiagnosticContext context) {
                return f.apply(context);
            }
        };
    }

    @Test
    void aSavedChainStateIsWhereTheChainStarts() {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 4);
        Dataset data = TestModels.prototypes(30, 6, 3, 4);
        byte[][] chain = {{1, 0, 1, 0, 1, 0}};
        ModelFile file = ModelFile.builder().model(model).chainVisible(chain).chainRngStates(new byte[0][])
                .optimizerState(new double[0][]).training(Map.of()).nelcVersion("test").build();
        Evaluation e = new Evaluator(List.of()).evaluate(file, data, new EvaluationOptions(1, 1000, 0, 10));
        assertEquals("model chain", e.initialState());
        assertEquals(List.of("log-likelihood"), e.diagnostics().stream().map(DiagnosticResult::diagnostic).toList());
    }

    @Test
    void mismatchedDataAndBadOptionsAreUserErrors() {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 4);
        Dataset data = TestModels.prototypes(30, 7, 3, 4);
        assertThrows(UserError.class,
                () -> new Evaluator(List.of()).evaluate(model, data, EvaluationOptions.defaults(1)));
        assertThrows(UserError.class, () -> new EvaluationOptions(1, 1, 0, 10));
        assertThrows(UserError.class, () -> new EvaluationOptions(1, 100, -1, 10));
        assertThrows(UserError.class, () -> new EvaluationOptions(1, 100, 0, 0));
    }

    @Test
    void theBuiltInDiagnosticsAreDiscovered() {
        assertEquals(List.of("class-kl", "cycles", "decorrelation-time", "entropy-production", "exact-likelihood",
                "self-transition"),
                Evaluator.discoverDiagnostics().stream().map(d -> d.name()).toList());
    }
}

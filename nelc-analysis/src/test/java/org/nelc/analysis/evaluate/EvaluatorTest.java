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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
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
        assertEquals(0.25, a.selfTransitionBaseline());
    }

    @Test
    void jsonRoundTripKeepsEveryNumberIncludingNonFiniteOnes(@TempDir Path dir) throws Exception {
        Model model = TestModels.randomModel(7, TestModels.kernel("bits", 2, null), 1.5, 3);
        Dataset data = TestModels.unlabeled(TestModels.prototypes(50, 7, 2, 3));
        Evaluation e = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(model, data,
                new EvaluationOptions(1, 5000, 10, 100));
        assertFalse(e.classes().available());
        assertTrue(Double.isNaN(e.classes().kl()));
        assertEquals(false, e.diagnostics().get("class-kl").details().get("available"));
        Path file = dir.resolve("evaluation.json");
        e.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"schema\" : \"nelc-evaluation\""), json.substring(0, 200));
        assertFalse(json.matches("(?s).*:\\s*NaN.*"), "non-finite numbers are written as strings");
        Evaluation back = Evaluation.fromJson(json);
        assertEquals(e.logLikelihood(), back.logLikelihood(), 0);
        assertTrue(Double.isNaN(back.classes().kl()));
        assertArrayEquals(e.count().matrix()[1], back.count().matrix()[1], 0);
        assertArrayEquals(e.raoBlackwell().stationary(), back.raoBlackwell().stationary(), 0);
        assertEquals(e.count().cycles().size(), back.count().cycles().size());
        assertEquals(withoutTimings(e), withoutTimings(back));
    }

    @Test
    void aSavedChainStateIsWhereTheChainStarts() {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 4);
        Dataset data = TestModels.prototypes(30, 6, 3, 4);
        byte[][] chain = {{1, 0, 1, 0, 1, 0}};
        ModelFile file = new ModelFile(model, null, null, chain, new byte[0][], new double[0][], Map.of(), "test");
        Evaluation e = new Evaluator(List.of()).evaluate(file, data, new EvaluationOptions(1, 1000, 0, 10));
        assertEquals("model chain", e.initialState());
        assertTrue(e.diagnostics().isEmpty());
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

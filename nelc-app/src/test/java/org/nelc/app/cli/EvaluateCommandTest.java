package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    /** The model remembers its data: evaluate reloads the same rows without any data flag. */
    @Test
    void evaluatesOnTheTrainingDataAndWritesEvaluationJson() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"))).code());
        CliHarness.Result r = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--chain-length",
                "3000", "--burn-in", "100", "--rb-samples", "50");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().contains("differs"), r.err());
        assertTrue(r.out().contains("log-likelihood (precise)") && r.out().contains("σ, Rao-Blackwellized M"), r.out());
        JsonNode e = new ObjectMapper().readTree(dir.resolve("run/evaluation.json").toFile());
        assertEquals("nelc-evaluation", e.get("schema").asText());
        assertEquals(300, e.get("data").get("size").asInt());
        assertEquals(3000, e.get("chainLength").asInt());

        // same seed, same numbers; --json prints the same document
        CliHarness.Result again = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--chain-length",
                "3000", "--burn-in", "100", "--rb-samples", "50", "--json", "--out", dir.resolve("e2.json").toString());
        assertEquals(0, again.code(), again.toString());
        JsonNode e2 = new ObjectMapper().readTree(again.out());
        assertEquals(e.get("diagnostics"), e2.get("diagnostics"), "every measurement the same");
        assertEquals("log-likelihood", e.get("diagnostics").get(0).get("diagnostic").asText());
        assertTrue(Files.exists(dir.resolve("e2.json")));
    }

    @Test
    void otherDataIsNotedAndWrongDimensionRefused() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"))).code());
        CliHarness.Result r = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--per-class", "50",
                "--chain-length", "500", "--burn-in", "0", "--rb-samples", "10");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("differs from the training data"), r.err());

        Path other = dir.resolve("wide.txt");
        new org.nelc.data.synthetic.PrototypeTeacher(3, 40, 0.1, 1).writeText(other, 20);
        CliHarness.Result bad = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--data",
                other.toString(), "--per-class", "20");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("D=36") && bad.err().contains("D=40"), bad.err());
    }

    /**
     * An RBM whose chain cannot leave its state: one-hot:3 softmax on the 36-pixel synthetic data, state β
     * turning on the pixels i ≡ β (mod 3) with w = ±8, tied, no biases — the exact p̄ is uniform by symmetry,
     * while from any x the logit gap between states is ~200, so the chain keeps its first state. evaluate
     * prints the exact LL (the closed form, as RbmLikelihood gives it), the chain's estimate only as a mixing
     * check, and says the chain does not mix; a nonequilibrium model at D = 36 has no exact LL and says why.
     */
    @Test
    void anRbmShowsItsExactLikelihoodAndTheChainAsAMixingCheck() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("rbm"), "--model", "rbm", "--gradient",
                "rbm-exact")).code());
        org.nelc.core.plugin.PluginCatalog plugins = org.nelc.core.plugin.PluginCatalog.discover(
                getClass().getClassLoader());
        Path file = dir.resolve("rbm/model.json");
        org.nelc.core.io.ModelFile mf = org.nelc.core.io.ModelIO.read(file, plugins);
        org.nelc.core.model.Model m = mf.model();
        int d = m.visibleSize();
        java.util.Arrays.fill(m.a(), 0);
        java.util.Arrays.fill(m.abar(), 0);
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < 3; b++) {
                m.w()[i * 3 + b] = i % 3 == b ? 8 : -8;
            }
        }
        m.tieLatentToVisible();
        org.nelc.core.io.ModelIO.write(file, mf);
        CliHarness.Result r = CliHarness.run("evaluate", file.toString(), "--chain-length", "5000", "--burn-in", "100",
                "--rb-samples", "50");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("log-likelihood (exact)"), r.out());
        assertTrue(r.out().contains("LL from the chain") && r.out().contains("does not mix"), r.out());
        assertFalse(r.out().contains("log-likelihood (precise)"), r.out());
        JsonNode exact = null;
        for (JsonNode diag : new ObjectMapper().readTree(dir.resolve("rbm/evaluation.json").toFile())
                .get("diagnostics")) {
            if (diag.get("diagnostic").asText().equals("exact-likelihood")) {
                exact = diag;
            }
        }
        assertTrue(exact.get("details").get("method").asText().startsWith("closed-form RBM"), exact.toString());
        JsonNode ll = exact.get("measurements").get(0);
        assertEquals("log-likelihood", ll.get("key").asText());
        org.nelc.api.data.Dataset rows = org.nelc.data.DataSources.discover(getClass().getClassLoader())
                .load(data, new org.nelc.api.data.DataSelection(java.util.List.of(0, 1, 2), 100, false));
        assertEquals(org.nelc.analysis.baseline.RbmLikelihood.summary(m, rows).mean(), ll.get("value").asDouble(), 1e-9);
        assertTrue(exact.get("details").get("mixes").isBoolean() && !exact.get("details").get("mixes").asBoolean());

        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("neq"))).code());
        CliHarness.Result neq = CliHarness.run("evaluate", dir.resolve("neq/model.json").toString(), "--chain-length",
                "3000", "--burn-in", "100", "--rb-samples", "50");
        assertEquals(0, neq.code(), neq.toString());
        assertTrue(neq.out().contains("log-likelihood (precise)") && neq.out().contains("not available: the model is "
                + "not an equilibrium RBM"), neq.out());
    }

    /** --precision must be a number strictly between 0 and 1, for evaluate, reproduce and sweep plan alike. */
    @Test
    void badPrecisionIsOneLineNamingTheFlagAndTheValue() {
        for (String value : new String[] {"0", "-0.1", "1", "1.5", "abc"}) {
            for (String[] cmd : new String[][] {{"evaluate", dir.resolve("none.json").toString(), "--precision", value},
                {"reproduce", "--out", dir.resolve("r").toString(), "--precision", value},
                {"sweep", "plan", "--out", dir.resolve("s").toString(), "--precision", value}}) {
                CliHarness.Result r = CliHarness.run(cmd);
                assertEquals(2, r.code(), String.join(" ", cmd) + ": " + r);
                String err = r.err().strip();
                assertTrue(err.contains("--precision") && err.contains(value) && !err.contains("\n"),
                        String.join(" ", cmd) + ": " + err);
            }
        }
    }
}

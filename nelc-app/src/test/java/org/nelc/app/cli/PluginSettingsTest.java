package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.Settings;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.kernel.TemperedKernel;
import org.nelc.core.plugin.PluginCatalog;

/** Settings of plugins through the CLI: validated, recorded in model.json, read back. */
class PluginSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    /**
     * A model with the second built-in z→x kernel, trained and evaluated end to end. Oracle: the trained
     * model must explain the data far better than independent fair coins (−D log 2 = −24.95 nats per row at
     * D = 36); the prototypes with 10 % noise allow about −12.
     */
    @Test
    void temperedKernelIsTrainedEvaluatedAndReadBack() throws IOException {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"), "--visible-kernel",
                "tempered", "--visible-kernel-setting", "T=2", "--epochs", "10"));
        assertEquals(0, r.code(), r.toString());
        JsonNode m = json(dir.resolve("run/model.json"));
        assertEquals("tempered", m.get("model").get("visibleKernel").asText());
        assertEquals(2.0, m.get("model").get("visibleKernelSettings").get("T").asDouble(), 0.0);
        assertEquals(2.0, m.get("config").get("visibleKernelSettings").get("T").asDouble(), 0.0);
        ModelFile mf = ModelIO.read(dir.resolve("run/model.json"), PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(2.0, ((TemperedKernel) mf.model().visible()).temperature(), 0.0);
        assertEquals(new Settings(Map.of("T", 2.0)), mf.config().visibleKernelSettings());

        CliHarness.Result e = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--chain-length",
                "3000", "--burn-in", "100", "--rb-samples", "50");
        assertEquals(0, e.code(), e.toString());
        JsonNode first = json(dir.resolve("run/evaluation.json")).get("diagnostics").get(0);
        assertEquals("log-likelihood", first.get("diagnostic").asText());
        double ll = first.get("measurements").get(0).get("value").asDouble();
        assertTrue(ll > -20 && ll < 0, "log-likelihood " + ll);

        CliHarness.Result bad = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("bad"), "--visible-kernel",
                "tempered", "--visible-kernel-setting", "T=-1"));
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--visible-kernel-setting T=-1.0: tempered needs a positive value"), bad.err());
    }

    /**
     * {@code --gradient-setting} round trip, with a test plugin that wraps the built-in two-step obtained by
     * name ({@code PluginAware}) and scales it: scale 1 gives the two-step model bit for bit, 0.5 another.
     */
    @Test
    void gradientSettingsAreCheckedRecordedAndReadBack() throws IOException {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("plain"))).code());
        CliHarness.Result one = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("one"), "--gradient",
                "test-scaled-two-step", "--gradient-setting", "scale=1"));
        assertEquals(0, one.code(), one.toString());
        CliHarness.Result half = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("half"), "--gradient",
                "test-scaled-two-step", "--gradient-setting", "scale=0.5"));
        assertEquals(0, half.code(), half.toString());

        JsonNode plain = json(dir.resolve("plain/model.json"));
        JsonNode scaled = json(dir.resolve("one/model.json"));
        assertEquals(plain.get("parameters"), scaled.get("parameters"));
        assertNotEquals(plain.get("parameters"), json(dir.resolve("half/model.json")).get("parameters"));
        assertEquals(1.0, scaled.get("config").get("gradientSettings").get("scale").asDouble(), 0.0);
        assertTrue(plain.get("config").get("gradientSettings") == null, "no settings, no field");
        ModelFile mf = ModelIO.read(dir.resolve("half/model.json"), PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(new Settings(Map.of("scale", 0.5)), mf.config().gradientSettings());
        assertEquals("test-scaled-two-step", mf.config().gradient());

        CliHarness.Result unknown = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("x"), "--gradient-setting",
                "foo=1"));
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("--gradient-setting foo=1.0: two-step has no setting 'foo' (known: none)"),
                unknown.err());
        CliHarness.Result range = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("y"), "--gradient",
                "test-scaled-two-step", "--gradient-setting", "scale=0"));
        assertEquals(2, range.code(), range.toString());
        assertTrue(range.err().contains("scale=0.0: test-scaled-two-step needs a positive value"), range.err());
    }

    /**
     * exact-check puts a plugin estimator with a setting on a non-default kernel to the test, checks the
     * kernels' derivatives first, and labels its output with the estimator under test.
     */
    @Test
    void exactCheckLabelsTheEstimatorUnderTest() {
        CliHarness.Result r = CliHarness.run("exact-check", "--dimension", "6", "--rows", "60", "--steps", "40",
                "--check-every", "20", "--probe-segments", "5", "--restarts", "0", "--chain-steps", "8", "--batch", "8",
                "--gradient", "test-scaled-two-step", "--gradient-setting", "scale=1", "--visible-kernel", "tempered",
                "--visible-kernel-setting", "T=2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("z->x tempered(T=2.0), gradient test-scaled-two-step(scale=1.0)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("kernel check: one-hot score = finite differences")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("test-scaled-two-step training: final exact LL")),
                r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("two-step training")), r.out());
        assertTrue(r.out().contains("gap (best exact - test-scaled-two-step final)"), r.out());
    }
}

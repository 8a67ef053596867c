package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.core.train.MemoryBudget;

/**
 * Rows of docs/reliability.md about limits and messages: repeated options, hand-edited and truncated
 * model files named by file and field (never by a flag the user did not type).
 */
class LimitsTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path model;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trainOne() {
        data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, run));
        assertEquals(0, r.code(), r.toString());
        model = run.resolve("model.json");
    }

    @Test
    void aRepeatedSingleValuedOptionIsRefusedAndMultiValuedOnesStillAdd() {
        String[] twice = CliHarness.quickTrain(data, dir.resolve("twice"), "--epochs", "3");
        twice = java.util.Arrays.copyOf(twice, twice.length + 2);
        twice[twice.length - 2] = "--epochs";
        twice[twice.length - 1] = "5";
        CliHarness.refused(CliHarness.run(twice), "'--epochs'", "only once");
        assertFalse(Files.exists(dir.resolve("twice")));
        CliHarness.refused(CliHarness.run("evaluate", model.toString(), "--seed", "1", "--seed", "2"), "'--seed'");
        // --classes is a list: repeating it adds classes
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("lists"), "--classes", "0",
                "--classes", "1,2"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("[0, 1, 2]"), r.out());
    }

    /** A copy of the model with {@code edit} applied. */
    private static Path edited(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model.toFile());
        edit.accept(root);
        Path f = dir.resolve(name);
        JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), root);
        return f;
    }

    /** Refused when evaluated: one line naming the file and the field, never a flag. */
    private static void refusedNaming(Path file, String field, String... more) {
        String line = CliHarness.refused(CliHarness.run("evaluate", file.toString(), "--chain-length", "100",
                "--out", dir.resolve("ev.json").toString()), file.toString(), field);
        for (String m : more) {
            assertTrue(line.contains(m), "'" + m + "' in: " + line);
        }
        // blamed on a flag: "nelc: --lr: …", "--latent one-hot:0: …" (a hint such as "--data PATH evaluates on
        // other data" is fine)
        assertFalse(line.startsWith("nelc: --"), "a flag the user did not type: " + line);
        for (String flag : new String[] {"--lr", "--latent", "--data", "--batch", "--epochs"}) {
            assertFalse(line.contains(flag + ":") || line.contains(flag + " ("), "a flag the user did not type: " + line);
        }
    }

    @Test
    void handEditedChainsAreRefusedNamingTheField() throws Exception {
        refusedNaming(edited("rng3.json", m -> ((ArrayNode) m.with("chain").withArray("rngState")).removeAll().add("AAAA")),
                "chain.rngState[0]", "3-byte state");
        refusedNaming(edited("nochain.json", m -> {
            m.with("chain").withArray("visible").removeAll();
            m.with("chain").withArray("rngState").removeAll();
        }), "chain.visible", "non-empty");
        refusedNaming(edited("norng.json", m -> m.with("chain").withArray("rngState").removeAll()), "chain.rngState",
                "one per chain.visible entry");
    }

    @Test
    void anAbsurdParameterIsRefusedNotPrintedAsA300DigitLikelihood() throws Exception {
        refusedNaming(edited("w300.json", m -> m.with("parameters").withArray("w").set(5, 1e300)),
                "parameters.w[5]", "1.0E300", "±1e6");
    }

    @Test
    void configErrorsNameTheConfigFieldNotTheFlag() throws Exception {
        refusedNaming(edited("lr.json", m -> m.with("config").put("learningRate", -1)), "config.learningRate: ");
        refusedNaming(edited("batch.json", m -> m.with("config").put("batchMin", 0)), "config.batchMin: ");
        refusedNaming(edited("latent.json", m -> m.with("config").put("latent", "one-hot:0")), "config.latent");
        refusedNaming(edited("enc.json", m -> m.with("model").put("encoding", "nope")), "model.encoding", "'nope'");
        refusedNaming(edited("units.json", m -> {
            m.with("model").put("encoding", "bits").put("units", 40).put("normalization", "factorized");
        }), "model.units: bits:40");
        refusedNaming(edited("path.json", m -> m.with("data").with("selection").put("path",
                dir.resolve("gone.txt").toString())), "data.selection.path", "gone.txt");
    }

    @Test
    void truncatedJsonIsOneLineWithFileLineColumnAndWhatWasExpected() throws Exception {
        String text = Files.readString(model);
        Path cut = Files.writeString(dir.resolve("cut.json"), text.substring(0, text.length() / 2));
        String line = CliHarness.refused(CliHarness.run("evaluate", cut.toString()), cut.toString(), "line ",
                "column ", "expected");
        assertFalse(line.contains("Source") || line.contains("REDACTED"), line);
        Path ev = dir.resolve("ev-cut.json");
        CliHarness.Result r = CliHarness.run("evaluate", model.toString(), "--chain-length", "200", "--burn-in", "10",
                "--out", ev.toString());
        assertEquals(0, r.code(), r.toString());
        String evText = Files.readString(ev);
        Files.writeString(ev, evText.substring(0, evText.length() / 3));
        line = CliHarness.refused(CliHarness.run("show", model.toString(), "--evaluation", ev.toString(), "--png",
                dir.resolve("s.png").toString()), ev.toString(), "line ", "column ");
        assertFalse(line.contains("Source") || line.contains("REDACTED"), line);
    }

    /** one-hot:20000 trained, then ran out of memory writing model.json; now refused before the first epoch. */
    @Test
    void aModelBeyondTheHeapIsRefusedBeforeTraining() {
        int d = 36;
        long units = (Runtime.getRuntime().maxMemory() / MemoryBudget.BYTES_PER_PARAMETER - d) / (2L * d + 1) + 1;
        Path out = dir.resolve("huge");
        String line = CliHarness.refused(CliHarness.run(CliHarness.quickTrain(data, out, "--latent", "one-hot:"
                + units)), "--latent one-hot:" + units,
                "bytes a parameter", "this JVM has", "at most one-hot:" + (units - 1));
        assertFalse(Files.exists(out.resolve("history.csv")), line);
    }

    /** bits:12 (4096 states) trained, then evaluate refused more than 2048 states; now evaluated sparsely. */
    @Test
    void evaluateAndReproduceUseTheSparsePathBeyondTheDenseLimit() throws Exception {
        Path run = dir.resolve("bits12");
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, run, "--latent", "bits:12"));
        assertEquals(0, r.code(), r.toString());
        r = CliHarness.run("evaluate", run.resolve("model.json").toString(), "--chain-length", "3000", "--burn-in", "100");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("4096 latent states") && r.out().contains("σ, counted M"), r.out());
        assertTrue(r.out().contains("not available: needs the dense M"), r.out());
        org.nelc.analysis.evaluate.Evaluation e = org.nelc.analysis.evaluate.Evaluation.fromJson(
                Files.readString(run.resolve("evaluation.json")));
        assertEquals(4096, e.occupancy().length);
        assertTrue(Double.isFinite(e.logLikelihood()) && Double.isFinite(e.value(
                org.nelc.analysis.evaluate.MeasurementKey.SIGMA_COUNT)), e.toJson());
        Path rep = dir.resolve("rep12");
        r = CliHarness.run("reproduce", "--data", data.toString(), "--per-class", "100", "--latent", "bits:12", "--seeds",
                "1..1", "--epochs", "2", "--steps-per-epoch", "5", "--batch", "8:32", "--chain-steps", "12",
                "--chain-length", "2000", "--burn-in", "100", "--quiet", "--out", rep.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(rep.resolve("report.html")), r.toString());
    }

    /**
     * sweep plan --seeds 1..100000 took minutes (every cell parsed by picocli four times). Now a grid
     * point is parsed once: 20 000 cells must plan within 60 s even on a loaded machine (they took ~250 s
     * before, ~10 s now), and the last cell is exactly what planning its seed alone (fully parsed) gives.
     */
    @Test
    void sweepPlanOfManySeedsIsFastAndEveryCellIsWhatItsSeedAloneGives() {
        Path many = dir.resolve("many");
        long t0 = System.nanoTime();
        SweepCommandTest.ok(SweepCommandTest.plan(data, many, "--seeds", "1..20000", "--grid", "lr=0.03,0.1"));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(seconds < 60, "20 000 cells planned in " + seconds + " s");
        SweepCommandTest.ok(SweepCommandTest.plan(data, dir.resolve("one"), "--seeds", "20000", "--grid", "lr=0.1"));
        var last = new org.nelc.app.sweep.SweepDir(many).readManifest().cells().get(39_999);
        var alone = new org.nelc.app.sweep.SweepDir(dir.resolve("one")).readManifest().cells().get(0);
        assertEquals(alone.training(), last.training());
        assertEquals(alone.id(), last.id());
    }
}

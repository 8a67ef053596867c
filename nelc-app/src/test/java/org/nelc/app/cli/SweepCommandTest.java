package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nelc sweep plan | run | slurm | status | collect} in-process, on small synthetic data. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Plan flags for cells of a fraction of a second on {@link CliHarness#syntheticData}. */
    static String[] plan(Path data, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", "plan", "--out", out.toString(), "--data", data.toString(),
                "--per-class", "100", "--epochs", "4", "--steps-per-epoch", "10", "--batch", "8:32", "--chain-steps",
                "12", "--latent", "one-hot:3", "--chain-length", "2000", "--burn-in", "100", "--rb-samples", "50"));
        for (int k = 0; k + 1 < extra.length; k++) {
            if (extra[k].equals("--grid")) { // an axis replaces the fixed flag of the same name
                int at = a.indexOf("--" + extra[k + 1].substring(0, extra[k + 1].indexOf('=')));
                if (at >= 0) {
                    a.remove(at);
                    a.remove(at);
                }
            }
        }
        return CliHarness.overriding(a, extra);
    }

    static CliHarness.Result ok(String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    @Test
    void sameCommandGivesTheSameManifestAndIdsFollowTheDocumentedRule() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        ok(plan(data, dir.resolve("a"), "--seeds", "1..3", "--grid", "lr=0.03,0.10,0.3", "--grid",
                "latent=one-hot:3,one-hot:4"));
        ok(plan(data, dir.resolve("b"), "--seeds", "1..3", "--grid", "lr=0.03,0.10,0.3", "--grid",
                "latent=one-hot:3,one-hot:4"));
        byte[] a = Files.readAllBytes(dir.resolve("a/manifest.json"));
        assertTrue(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("b/manifest.json"))));
        JsonNode m = JSON.readTree(a);
        assertEquals(18, m.get("cells").size());
        assertEquals("0.1", m.get("axes").get(0).get("values").get(1).asText(), "canonical value");
        JsonNode cell = m.get("cells").get(4); // lr=0.03, latent=one-hot:4, seed=2 (first axis slowest, seeds fastest)
        assertEquals(4, cell.get("index").asInt());
        assertEquals(2, cell.get("seed").asLong());
        assertEquals("one-hot:4", cell.get("setting").get("latent").asText());
        assertEquals("0.03", cell.get("training").get("lr").asText());
        assertEquals("2", cell.get("training").get("seed").asText());
        // the id rule, recomputed independently of the code under test
        Map<String, String> training = new TreeMap<>();
        cell.get("training").fields().forEachRemaining(e -> training.put(e.getKey(), e.getValue().asText()));
        StringBuilder canon = new StringBuilder("{\"evaluation\":{\"burnIn\":\"100\",\"chainLength\":\"2000\","
                + "\"precision\":\"0.02\",\"rbSamples\":\"50\"},\"training\":{");
        boolean first = true;
        for (var e : training.entrySet()) {
            canon.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
            first = false;
        }
        canon.append("}}");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canon.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(hash.substring(0, 12), cell.get("id").asText(), canon.toString());
    }

    @Test
    void extendingTheSeedsKeepsTheFinishedCells() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s, "--seeds", "1..2", "--grid", "lr=0.05,0.1"));
        ok("sweep", "run", s.toString(), "--all", "--threads", "2");
        CliHarness.Result r = ok(plan(data, s, "--seeds", "1..3", "--grid", "lr=0.05,0.1"));
        assertTrue(r.out().contains("4 of its cells were in the old plan"), r.out());
        CliHarness.Result run = ok("sweep", "run", s.toString(), "--all", "--threads", "2");
        assertTrue(run.out().contains("ran 2 cells (0 failed); skipped 4 done"), run.out());
    }

    @Test
    void unknownOrConflictingAxesAreRefusedByName() {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "learning-rate=0.1,0.2"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown axis 'learning-rate'") && r.err().contains("lr, "), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "seed=1,2"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--seeds"), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "lr=0.1,0.2", "--lr", "0.2"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lr is both a fixed flag and a --grid axis"), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "lr=0.1,-2"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cell lr=-2 seed=1") && r.err().contains("--lr"), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "optimizer=rmsprop,nadam"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nadam"), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--grid", "classes=0,1;0,7"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("classes=0,7"), r.err());
        r = CliHarness.run(plan(data, dir.resolve("x"), "--seeds", "3..1"));
        assertEquals(2, r.code());
        assertFalse(Files.exists(dir.resolve("x/manifest.json")));
    }

    @Test
    void anyTrainingFlagIsAnAxis() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s, "--grid", "normalization=sigmoid-ratio,softmax", "--grid", "score=paper,exact", "--grid",
                "classes=0,1;0,1,2", "--grid", "optimizer-setting=decay=0.9;decay=0.5,eps=1e-6", "--grid",
                "no-centering=false,true", "--grid", "chain-steps=6,12"));
        JsonNode m = JSON.readTree(dir.resolve("s/manifest.json").toFile());
        assertEquals(64, m.get("cells").size());
        JsonNode last = m.get("cells").get(63);
        assertEquals("softmax", last.get("training").get("normalization").asText());
        assertEquals("0,1,2", last.get("training").get("classes").asText());
        assertEquals("decay=0.5,eps=1.0E-6", last.get("training").get("optimizer-setting").asText());
        assertEquals("true", last.get("training").get("no-centering").asText());
        ok("sweep", "run", s.toString(), "--index", "63");
        String model = Files.readString(dir.resolve("s/cells/" + last.get("id").asText() + "/model.json"));
        assertTrue(model.contains("\"normalization\" : \"softmax\"") && model.contains("\"decay\" : 0.5"), model);
    }

    @Test
    void runAllThenCollectGivesTheSameBitsAsTrainAndAReportWithHeatmaps() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s, "--seeds", "1..2", "--grid", "lr=0.05,0.1", "--grid", "latent=one-hot:3,one-hot:4"));
        CliHarness.Result run = ok("sweep", "run", s.toString(), "--all", "--threads", "2");
        assertTrue(run.out().contains("ran 8 cells (0 failed)") && run.out().contains("sweep: 8 of 8 cells done"),
                run.out());
        JsonNode m = JSON.readTree(s.resolve("manifest.json").toFile());
        for (JsonNode c : m.get("cells")) {
            Path cell = s.resolve("cells").resolve(c.get("id").asText());
            for (String f : List.of("cell.json", "model.json", "history.csv", "evaluation.json", "done")) {
                assertTrue(Files.isRegularFile(cell.resolve(f)), cell + "/" + f);
            }
            assertFalse(Files.exists(cell.resolve("claim")), "claim released");
            try (Stream<Path> files = Files.list(cell)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files");
            }
        }
        // cell 5 is lr=0.1 latent=one-hot:3 seed=2: `nelc train` with its flags gives the same bits
        JsonNode c5 = m.get("cells").get(5);
        assertEquals("one-hot:3", c5.get("setting").get("latent").asText());
        ok(CliHarness.quickTrain(data, dir.resolve("train"), "--lr", "0.1", "--seed", "2"));
        assertEquals(parameters(dir.resolve("train/model.json")),
                parameters(s.resolve("cells/" + c5.get("id").asText() + "/model.json")));

        CliHarness.Result again = ok("sweep", "run", s.toString(), "--all");
        assertTrue(again.out().contains("ran 0 cells (0 failed); skipped 8 done"), again.out());
        CliHarness.Result status = ok("sweep", "status", s.toString());
        assertTrue(status.out().contains("8 cells: 8 done, 0 failed, 0 running, 0 interrupted, 0 pending"),
                status.out());

        CliHarness.Result collect = ok("sweep", "collect", s.toString());
        assertTrue(collect.out().contains("clean cycles") && collect.out().contains("one-hot:4  2/2"), collect.out());
        // every per-setting number with its uncertainty and the method named
        assertTrue(collect.out().contains("sigma median ± s.e. [IQR]") && collect.out().contains("(runs ± ")
                && collect.out().contains("standard error of the median over the setting's seeds (bootstrap"),
                collect.out());
        assertTrue(collect.out().lines().filter(l -> l.startsWith("0.05  one-hot:3")).findFirst().orElseThrow()
                .matches(".*% ± \\d+%.* ± \\d.*"), collect.out());
        List<String> csv = Files.readAllLines(s.resolve("summary.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.get(0).startsWith("index,id,lr,latent,state,seed,regime,log-likelihood.precise,"
                + "log-likelihood.precise.se,log-likelihood.data-se,log-likelihood.data-se.se,entropy-production.sigma.count,"), csv.get(0));
        assertTrue(csv.get(0).endsWith(",parameters_sha256,message"), csv.get(0));
        assertEquals(csv.get(0).split(",").length, csv.get(1).split(",", -1).length, csv.get(1));
        JsonNode summary = JSON.readTree(s.resolve("summary.json").toFile());
        assertEquals(8, summary.get("cells").size());
        assertEquals(4, summary.get("settings").size());
        JsonNode st = summary.get("settings").get(0);
        assertEquals(2, st.get("done").asInt());
        double clean = st.get("cleanCycleFraction").asDouble();
        assertTrue(clean >= 0 && clean <= 1);
        assertTrue(st.get("logLikelihood").get("median").asDouble() < 0);
        String html = Files.readString(s.resolve("report.html"));
        assertTrue(html.contains("<h2>Heat maps: latent &times; lr</h2>"), "heat maps when two axes vary");
        assertEquals(5, html.split("data:image/png;base64,").length - 1);
        assertTrue(html.contains("clean cycles"));
        assertTrue(html.contains("alt=\"median sigma ± s.e. (± = standard error of the median (bootstrap over the "
                + "seeds, 1000 resamples))\""), "the heat map says what its ± is");
        assertTrue(html.contains("standard error of the median over the setting&#39;s seeds")
                || html.contains("standard error of the median over the setting's seeds"), "the method is named");
        assertTrue(st.get("sigma").get("medianStandardError").asDouble() >= 0, st.toString());
        assertTrue(st.get("cleanCycleFractionStandardError").asDouble() > 0, st.toString());
    }

    @Test
    void aFailedCellIsRecordedReportedAndSkippedUnlessRetried() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s, "--optimizer", "sgd", "--grid", "lr=0.05,1e308"));
        CliHarness.Result run = CliHarness.run("sweep", "run", s.toString(), "--all");
        assertEquals(3, run.code(), run.toString());
        assertTrue(run.out().contains("lr=1.0E308 seed=1: FAILED: training diverged"), run.out());
        CliHarness.Result status = ok("sweep", "status", s.toString());
        assertTrue(status.out().contains("1 done, 1 failed") && status.out().contains("training diverged"),
                status.out());
        CliHarness.Result again = ok("sweep", "run", s.toString(), "--all");
        assertTrue(again.out().contains("skipped 1 done, 1 failed before"), again.out());
        CliHarness.Result retry = CliHarness.run("sweep", "run", s.toString(), "--all", "--retry-failed");
        assertEquals(3, retry.code());
        ok("sweep", "collect", s.toString());
        assertTrue(Files.readString(s.resolve("report.html")).contains("<h2>Failures</h2>"));
    }

    @Test
    void slurmScriptRunsEachCellThroughAnAbsoluteLauncher() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s, "--seeds", "1..4", "--grid", "lr=0.05,0.1"));
        CliHarness.Result r = ok("sweep", "slurm", s.toString(), "--partition", "debug", "--time", "01:30:00",
                "--cpus-per-task", "2", "--max-parallel", "3", "--mem", "2G", "--java-options", "-Xmx1g");
        String script = Files.readString(s.resolve("slurm/sweep.sbatch"));
        for (String line : List.of("#SBATCH --array=0-7%3", "#SBATCH --partition=debug", "#SBATCH --time=01:30:00",
                "#SBATCH --cpus-per-task=2", "#SBATCH --mem=2G", "#SBATCH --output=" + s.toAbsolutePath()
                    + "/slurm/logs/%A_%a.out")) {
            assertTrue(script.contains(line + "\n"), line + " in\n" + script);
        }
        String exec = script.lines().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow();
        assertTrue(exec.startsWith("exec /") && exec.contains("/bin/java -Xmx1g "), exec);
        assertTrue(exec.endsWith(" sweep run " + s.toAbsolutePath() + " --index \"$SLURM_ARRAY_TASK_ID\" --threads 1"),
                exec);
        assertTrue(r.out().contains("8 array tasks"), r.out());
        CliHarness.Result bad = CliHarness.run("sweep", "slurm", s.toString(), "--time", "soon");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--time"), bad.err());
    }

    @Test
    void runNeedsIndexOrAll() {
        Path data = CliHarness.syntheticData(dir);
        Path s = dir.resolve("s");
        ok(plan(data, s));
        CliHarness.Result r = CliHarness.run("sweep", "run", s.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--index I or --all"), r.err());
        r = CliHarness.run("sweep", "run", s.toString(), "--index", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cells 0..0"), r.err());
        r = CliHarness.run("sweep", "status", dir.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no manifest.json"), r.err());
    }

    static String parameters(Path model) throws Exception {
        String s = Files.readString(model);
        return s.substring(s.indexOf("\"parameters\""), s.indexOf("\"centering\" : ["));
    }
}

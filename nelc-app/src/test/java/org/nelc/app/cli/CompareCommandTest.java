package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.ModelKind;

class CompareCommandTest {
    @TempDir
    Path dir;

    private static String[] quick(Path data, Path out, String threads) {
        return new String[] {"compare", "--data", data.toString(), "--per-class", "100", "--latent", "one-hot:3",
            "--epochs", "4", "--steps-per-epoch", "10", "--batch", "8:32", "--chain-steps", "12", "--seeds", "1..3",
            "--rbm-seeds", "1..2", "--restarts", "3", "--chain-length", "3000", "--burn-in", "100", "--rb-samples",
            "200", "--threads", threads, "--quiet", "--out", out.toString()};
    }

    @Test
    void printsTheTableAndWritesEveryFile() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("cmp");
        CliHarness.Result r = CliHarness.run(quick(data, out, "2"));
        assertEquals(0, r.code(), r.toString());
        for (String row : new String[] {"NEQ       best", "NEQ       median", "NEQ       worst", "RBM-PCD   best",
            "RBM-PCD   worst", "RBM-EXACT best", "EM        best"}) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(1 + 3 + 2 + 2 + 3, csv.size(), String.join("\n", csv));
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("compare.json")));
        assertEquals("nelc-compare", json.get("schema").asText());
        double em = Double.NaN;
        for (JsonNode row : json.get("rows")) {
            if (row.get("model").asText().equals("em") && row.get("role").asText().equals("best")) {
                em = row.get("logLikelihood").asDouble();
                assertEquals(0.0, row.get("gapToEm").asDouble(), 0.0);
            }
        }
        for (JsonNode row : json.get("rows")) {
            if (row.get("model").asText().startsWith("rbm")) {
                assertEquals("exact", row.get("method").asText());
                // reversible: the Rao-Blackwellized σ is sampling noise only; with 200 draws per row the entries
                // of M carry ~7% relative error, so σ ~ Σ_pairs J·0.07² stays below 0.01 (NEQ: 0.3 to 2 here)
                assertEquals(0.0, row.get("sigmaRaoBlackwell").asDouble(), 0.01, "a reversible chain");
            }
            if (!row.get("model").asText().equals("neq")) {
                // EM bounds every one-hot mixture up to EM's own local optimum: allow the sampling error
                // of a precise LL only for the NEQ rows, and nothing for exact ones beyond 0.5 nats
                assertTrue(row.get("logLikelihood").asDouble() <= em + 0.5, row.toString());
            }
        }
        assertNotNull(ImageIO.read(out.resolve("compare.png").toFile()));
        assertNotNull(ImageIO.read(out.resolve("em/components.png").toFile()));
        ModelFile rbm = ModelIO.read(out.resolve("rbm-pcd/seed-1/model.json"),
                PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(ModelKind.RBM, rbm.config().model());
        assertTrue(Files.exists(out.resolve("neq/seed-2/evaluation.json")));
        assertTrue(Files.exists(out.resolve("rbm-exact/seed-2/history.csv")));
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(quick(data, dir.resolve("t1"), "1")).code());
        assertEquals(0, CliHarness.run(quick(data, dir.resolve("t3"), "3")).code());
        assertEquals(withoutTimes(dir.resolve("t1/compare.csv")), withoutTimes(dir.resolve("t3/compare.csv")));
    }

    /** compare.csv without the train_s, eval_s columns (wall times). */
    private static List<String> withoutTimes(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int train = header.indexOf("train_s");
        int eval = header.indexOf("eval_s");
        assertTrue(train >= 0 && eval == train + 1, lines.get(0));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> keep = new ArrayList<>(List.of(line.split(",", -1)));
            keep.remove(eval);
            keep.remove(train);
            out.add(String.join(",", keep));
        }
        return out;
    }

    /** bits:12 has 4096 states: past the dense matrices, evaluated sparsely; EM (4096 components) skipped. */
    @Test
    void largeBitsLatentIsComparedSparsely() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        String[] args = quick(data, dir.resolve("bits"), "2");
        List<String> list = new ArrayList<>(List.of(args));
        list.set(list.indexOf("one-hot:3"), "bits:12");
        list.set(list.indexOf("1..3"), "1");
        list.set(list.indexOf("1..2"), "1");
        list.addAll(List.of("--rbm-gradient", "rbm-pcd"));
        CliHarness.Result r = CliHarness.run(list.toArray(new String[0]));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("evaluated sparsely") && r.out().contains("EM skipped"), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("bits/compare.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(2).startsWith("rbm-pcd,best,1,") && csv.get(2).contains(",exact,"), csv.get(2));
    }

    @Test
    void badFlagsEndWithOneLine() {
        Path data = CliHarness.syntheticData(dir);
        String[] args = quick(data, dir.resolve("bad"), "2");
        String[] seeds = args.clone();
        seeds[java.util.Arrays.asList(args).indexOf("1..3")] = "3..1";
        CliHarness.Result r = CliHarness.run(seeds);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--seeds"), r.err());
        String[] grad = new String[args.length + 2];
        System.arraycopy(args, 0, grad, 0, args.length);
        grad[args.length] = "--rbm-gradient";
        grad[args.length + 1] = "two-step";
        r = CliHarness.run(grad);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--rbm-gradient"), r.err());
    }

    @Test
    void trainTakesModelRbm() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("rbm"), "--model", "rbm"));
        assertEquals(0, r.code(), r.toString());
        ModelFile mf = ModelIO.read(dir.resolve("rbm/model.json"), PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(ModelKind.RBM, mf.config().model());
        assertEquals("softmax", mf.model().latent().normalization());
        assertEquals("rbm-pcd", mf.config().gradient());
        CliHarness.Result bad = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("bad"), "--model", "rbm",
                "--normalization", "sigmoid-ratio"));
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--model rbm") && bad.err().contains("not an RBM"), bad.err());
    }
}

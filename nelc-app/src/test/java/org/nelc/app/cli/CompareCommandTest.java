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
            "200", "--lr-grid", "0.03,0.1", "--threads", threads, "--quiet", "--out", out.toString()};
    }

    /** compare.csv as maps from column to value. */
    private static List<java.util.Map<String, String>> csvRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<java.util.Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (int k = 0; k < header.length; k++) {
                m.put(header[k], v[k]);
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void printsTheTableAndWritesEveryFile() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("cmp");
        CliHarness.Result r = CliHarness.run(quick(data, out, "2"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("estimated CPU"), r.out());
        for (String row : new String[] {"best", "median", "worst", "learning-rate grid", "NEQ: chosen lr",
            "RBM-EXACT: chosen lr"}) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(1 + 2 * (3 + 2 + 2) + 3, csv.size(), String.join("\n", csv));
        assertEquals(1 + 2 * 3, Files.readAllLines(out.resolve("grid.csv")).size());
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
                assertEquals(0.0, row.get("measurements").get("entropy-production.sigma.rao-blackwell").get("value")
                        .asDouble(), 0.01, "a reversible chain");
            }
            if (!row.get("model").asText().equals("neq")) {
                // EM bounds every one-hot mixture up to EM's own local optimum: allow the sampling error
                // of a precise LL only for the NEQ rows, and nothing for exact ones beyond 0.5 nats
                assertTrue(row.get("logLikelihood").asDouble() <= em + 0.5, row.toString());
            }
        }
        assertNotNull(ImageIO.read(out.resolve("compare.png").toFile()));
        assertNotNull(ImageIO.read(out.resolve("em/components.png").toFile()));
        ModelFile rbm = ModelIO.read(out.resolve("rbm-pcd/lr-0.03/seed-1/model.json"),
                PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(ModelKind.RBM, rbm.config().model());
        assertEquals(0.03, rbm.config().learningRate(), 0.0);
        assertTrue(Files.exists(out.resolve("neq/lr-0.1/seed-2/evaluation.json")));
        assertTrue(Files.exists(out.resolve("rbm-exact/lr-0.03/seed-2/history.csv")));
    }

    /**
     * The selection and the gaps, recomputed from compare.csv: each family's selected rows are all at one
     * learning rate, the one whose median run (rank ⌊(n−1)/2⌋ from the top) is highest; roles are among the
     * selected runs; the best selected NEQ run has gap 0 to NEQ and every other row's gap to NEQ is the
     * difference of the two LLs (the mean of per-image differences is the difference of the means, up to
     * rounding: 1e-9).
     */
    @Test
    void eachFamilyIsShownAtItsBestMedianGridPoint() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("grid");
        assertEquals(0, CliHarness.run(quick(data, out, "2")).code());
        List<java.util.Map<String, String>> rows = csvRows(out.resolve("compare.csv"));
        double neqBest = Double.NaN;
        for (var row : rows) {
            if (row.get("model").equals("neq") && row.get("role").equals("best")) {
                neqBest = Double.parseDouble(row.get("ll"));
                assertEquals(0.0, Double.parseDouble(row.get("gap_to_neq")), 0.0);
            }
        }
        for (String model : List.of("neq", "rbm-pcd", "rbm-exact")) {
            java.util.Map<String, List<Double>> byRate = new java.util.TreeMap<>();
            String selectedRate = null;
            for (var row : rows) {
                if (!row.get("model").equals(model)) {
                    continue;
                }
                byRate.computeIfAbsent(row.get("lr"), k -> new ArrayList<>()).add(Double.parseDouble(row.get("ll")));
                if (row.get("selected").equals("true")) {
                    assertTrue(selectedRate == null || selectedRate.equals(row.get("lr")), model + ": one rate");
                    selectedRate = row.get("lr");
                } else {
                    assertEquals("", row.get("role"), model + ": roles only among the selected runs");
                }
            }
            String best = null;
            double bestMedian = Double.NEGATIVE_INFINITY;
            for (var e : byRate.entrySet()) {
                List<Double> ll = new ArrayList<>(e.getValue());
                ll.sort(java.util.Comparator.reverseOrder());
                double median = ll.get((ll.size() - 1) / 2);
                if (median > bestMedian) {
                    bestMedian = median;
                    best = e.getKey();
                }
            }
            assertEquals(best, selectedRate, model + " " + byRate);
        }
        for (var row : rows) {
            double gap = Double.parseDouble(row.get("gap_to_neq"));
            assertEquals(Double.parseDouble(row.get("ll")) - neqBest, gap, 1e-9, row.toString());
        }
    }

    @Test
    void learningRateFlags() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        List<String> both = new ArrayList<>(List.of(quick(data, dir.resolve("both"), "2")));
        both.addAll(List.of("--lr", "0.05"));
        CliHarness.Result r = CliHarness.run(both.toArray(new String[0]));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--lr") && r.err().lines().count() == 1, r.err());
        List<String> zero = new ArrayList<>(List.of(quick(data, dir.resolve("zero"), "2")));
        zero.set(zero.indexOf("0.03,0.1"), "0.03,0");
        r = CliHarness.run(zero.toArray(new String[0]));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--lr-grid"), r.err());
        List<String> one = new ArrayList<>(List.of(quick(data, dir.resolve("one"), "2")));
        int k = one.indexOf("--lr-grid");
        one.set(k, "--lr");
        one.set(k + 1, "0.05");
        r = CliHarness.run(one.toArray(new String[0]));
        assertEquals(0, r.code(), r.toString());
        for (var row : csvRows(dir.resolve("one/compare.csv"))) {
            assertTrue(row.get("model").equals("em") ? row.get("lr").isEmpty() : row.get("lr").equals("0.05"),
                    row.toString());
        }
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(quick(data, dir.resolve("t1"), "1")).code());
        assertEquals(0, CliHarness.run(quick(data, dir.resolve("t3"), "3")).code());
        assertEquals(withoutTimes(dir.resolve("t1/compare.csv")), withoutTimes(dir.resolve("t3/compare.csv")));
    }

    /** compare.csv without the train_s, eval_s, cpu_s columns (times). */
    private static List<String> withoutTimes(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int train = header.indexOf("train_s");
        int eval = header.indexOf("eval_s");
        int cpu = header.indexOf("cpu_s");
        assertTrue(train >= 0 && eval == train + 1 && cpu == eval + 1, lines.get(0));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> keep = new ArrayList<>(List.of(line.split(",", -1)));
            keep.remove(cpu);
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
        list.set(list.indexOf("0.03,0.1"), "0.1");
        list.addAll(List.of("--rbm-gradient", "rbm-pcd"));
        CliHarness.Result r = CliHarness.run(list.toArray(new String[0]));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("evaluated sparsely") && r.out().contains("EM skipped"), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("bits/compare.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(2).startsWith("rbm-pcd,0.1,true,best,1,") && csv.get(2).contains(",exact,"), csv.get(2));
        // the one evaluator's sparse path, as nelc evaluate runs it: its evaluation.json, every number with its error
        String evaluation = Files.readString(dir.resolve("bits/neq/lr-0.1/seed-1/evaluation.json"));
        assertTrue(evaluation.contains("each replicate's LL to first order in its occupancy"), evaluation);
        assertTrue(evaluation.contains("each state's class held as assigned"), evaluation);
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

package org.nelc.app.cli;

import org.nelc.analysis.evaluate.MeasurementKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;

/**
 * A miniature {@code nelc reproduce}: three models on the synthetic prototype data (D = 36), a few epochs
 * and a short evaluation chain. Built once; the tests then look at what it wrote and run it again.
 */
class ReproduceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIGURES = {"fig2.png", "fig3-best.png", "fig3-worst.png", "fig4.png"};

    @TempDir
    static Path dir;
    static Path data;
    static Path out;
    static CliHarness.Result first;

    static String[] reproduce(Path target, String... extra) {
        return CliHarness.overriding(List.of("reproduce", "--data", data.toString(), "--per-class", "100",
                "--latent", "one-hot:3", "--epochs", "4", "--steps-per-epoch", "10", "--batch", "8:32", "--chain-steps",
                "12", "--chain-length", "2000", "--burn-in", "100", "--rb-samples", "100", "--quiet", "--out",
                target.toString()), extra);
    }

    @BeforeAll
    static void runOnce() {
        data = CliHarness.syntheticData(dir);
        out = dir.resolve("ensemble");
        first = CliHarness.run(reproduce(out, "--models", "3", "--threads", "2"));
        assertEquals(0, first.code(), first.toString());
    }

    @Test
    void writesEveryFile() throws IOException {
        for (int s = 1; s <= 3; s++) {
            Path m = out.resolve("models/seed-0" + s);
            for (String f : List.of("model.json", "history.csv", "evaluation.json")) {
                assertTrue(Files.size(m.resolve(f)) > 0, m.resolve(f).toString());
            }
            assertEquals(5, Files.readAllLines(m.resolve("history.csv")).size(), "header + 4 epochs");
        }
        for (String f : List.of("plan.json", "summary.csv", "summary.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        for (String f : FIGURES) {
            assertNotBlank(out.resolve(f));
        }
        assertEquals(4, Files.readAllLines(out.resolve("summary.csv")).size(), "header + 3 models");
        try (var s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
        assertTrue(first.out().contains("claim 4 self-transition"), first.out());
    }

    @Test
    void reportIsSelfContainedWithEveryFigureAndClaim() throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img);
            images++;
        }
        assertEquals(FIGURES.length, images);
        assertFalse(html.contains("src=\"fig"), "no external image references");
        for (String claim : List.of("three regimes", "nearly reversible", "τ ≈ 50", "Tr(M)/L &lt; 1/L",
                "Low class KL", "class prototypes")) {
            assertTrue(html.contains(claim), claim);
        }
        assertTrue(html.contains("class=\"verdict"), "verdicts rendered");
        assertFalse(html.contains("id=\"baselines\""), "no Baselines section without compare.json");
    }

    @Test
    void summaryAgreesWithTheEvaluations() throws IOException {
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode models = summary.get("models");
        assertEquals(3, models.size());
        for (JsonNode row : models) {
            long seed = row.get("seed").asLong();
            Evaluation e = Evaluation.fromJson(Files.readString(out.resolve("models/seed-0" + seed + "/evaluation.json")));
            JsonNode values = row.get("measurements");
            int n = 0;
            for (DiagnosticResult d : e.diagnostics()) {
                for (Measurement x : d.measurements()) {
                    JsonNode v = values.get(d.diagnostic() + "." + x.key());
                    assertEquals(x.value(), number(v.get("value")), d.diagnostic() + "." + x.key());
                    assertEquals(x.standardError(), number(v.get("standardError")), d.diagnostic() + "." + x.key());
                    n++;
                }
            }
            assertEquals(n, values.size(), "every measurement, nothing else");
            assertTrue(n >= 13, "the built-in measurements: " + values);
            assertEquals((e.value(MeasurementKey.CLEAN_CYCLE) == 1), row.get("cleanCycle").asBoolean());
            for (int z = 0; z < e.occupancy().length; z++) {
                assertEquals(e.occupancy()[z], row.get("occupancy").get(z).asDouble());
            }
            assertEquals(e.seed(), seed, "each model is evaluated with its own seed");
        }
    }

    @Test
    void aModelIsTheSameWhateverTheThreadCount() throws IOException {
        Path alone = dir.resolve("alone");
        CliHarness.Result r = CliHarness.run(reproduce(alone, "--seeds", "2..2", "--threads", "1"));
        assertEquals(0, r.code(), r.toString());
        assertEquals(parameters(out.resolve("models/seed-02/model.json")),
                parameters(alone.resolve("models/seed-02/model.json")));
        assertEquals(withoutTimings(out.resolve("models/seed-02/evaluation.json")),
                withoutTimings(alone.resolve("models/seed-02/evaluation.json")));
    }

    @Test
    void resumeRetrainsOnlyTheMissingModelAndEndsWithTheSameSummary() throws IOException {
        Path copy = dir.resolve("resumed");
        copyTree(out, copy);
        FileTime t1 = Files.getLastModifiedTime(copy.resolve("models/seed-01/model.json"));
        FileTime t3 = Files.getLastModifiedTime(copy.resolve("models/seed-03/evaluation.json"));
        deleteTree(copy.resolve("models/seed-02"));
        CliHarness.Result r = CliHarness.run(reproduce(copy, "--models", "3", "--threads", "2", "--resume"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("seed 2: trained"), r.out());
        assertTrue(r.out().contains("seed 1: complete, reused"), r.out());
        assertTrue(r.out().contains("seed 3: complete, reused"), r.out());
        assertTrue(r.out().contains("3 of 3 models complete (1 trained now)"), r.out());
        assertEquals(t1, Files.getLastModifiedTime(copy.resolve("models/seed-01/model.json")));
        assertEquals(t3, Files.getLastModifiedTime(copy.resolve("models/seed-03/evaluation.json")));
        assertEquals(summaryWithoutTimes(out), summaryWithoutTimes(copy));
    }

    @Test
    void resumeReEvaluatesAModelWhoseEvaluationIsMissing() throws IOException {
        Path copy = dir.resolve("reevaluated");
        copyTree(out, copy);
        Files.delete(copy.resolve("models/seed-03/evaluation.json"));
        CliHarness.Result r = CliHarness.run(reproduce(copy, "--models", "3", "--resume"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("seed 3: reused model, evaluated"), r.out());
        assertEquals(withoutTimings(out.resolve("models/seed-03/evaluation.json")),
                withoutTimings(copy.resolve("models/seed-03/evaluation.json")));
    }

    @Test
    void resumeWithOtherSettingsRetrainsOnlyWithForce() throws IOException {
        Path copy = dir.resolve("changed");
        copyTree(out, copy);
        CliHarness.Result refused = CliHarness.run(reproduce(copy, "--models", "2", "--resume", "--lr", "0.05"));
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("made with other settings (--lr: 0.1 there, 0.05 now;"), refused.err());
        CliHarness.Result r = CliHarness.run(reproduce(copy, "--models", "2", "--resume", "--lr", "0.05", "--force"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("seed 1: trained") && r.out().contains("seed 2: trained"), r.out());
    }

    /**
     * Issue 10: reused models must have been evaluated at the same --precision. As for every other setting of
     * the run directory, another --precision is refused in one line naming the flag and both values (exit 2),
     * so that a directory never mixes evaluations at two precisions; with --force the trained models are kept
     * (training is unchanged) and each is evaluated again, its evaluation.json recording the new precision.
     */
    @Test
    void resumeWithAnotherPrecisionIsRefusedAndWithForceReEvaluates() throws IOException {
        Path copy = dir.resolve("precision");
        copyTree(out, copy);
        CliHarness.Result refused = CliHarness.run(reproduce(copy, "--models", "2", "--resume", "--precision", "0.05"));
        assertEquals(2, refused.code(), refused.toString());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("(--precision: 0.02 there, 0.05 now;"), refused.err());
        CliHarness.Result r = CliHarness.run(reproduce(copy, "--models", "2", "--resume", "--precision", "0.05",
                "--force"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("seed 1: reused model, evaluated") && r.out().contains("seed 2: reused model, "
                + "evaluated"), r.out());
        for (String seed : List.of("01", "02")) {
            JsonNode before = new ObjectMapper().readTree(out.resolve("models/seed-" + seed + "/evaluation.json")
                    .toFile());
            JsonNode after = new ObjectMapper().readTree(copy.resolve("models/seed-" + seed + "/evaluation.json")
                    .toFile());
            assertEquals(0.02, before.get("precision").asDouble(), 0.0);
            assertEquals(0.05, after.get("precision").asDouble(), 0.0, "evaluated again at the new precision");
        }
        // and back at the directory's precision with --force: the evaluation at 0.05 is not reused either
        CliHarness.Result back = CliHarness.run(reproduce(copy, "--models", "2", "--resume", "--force"));
        assertEquals(0, back.code(), back.toString());
        assertTrue(back.out().contains("seed 1: reused model, evaluated"), back.out());
    }

    @Test
    void baselinesSectionAppearsWhenCompareJsonExists() throws IOException {
        Path copy = dir.resolve("baselines");
        copyTree(out, copy);
        Files.writeString(copy.resolve("compare.json"),
                "{\"models\":[{\"name\":\"em-mixture\",\"logLikelihood\":-20.5},{\"name\":\"nelc\",\"logLikelihood\":-21.25}]}");
        CliHarness.Result r = CliHarness.run(reproduce(copy, "--models", "3", "--resume"));
        assertEquals(0, r.code(), r.toString());
        String html = Files.readString(copy.resolve("report.html"));
        assertTrue(html.contains("id=\"baselines\""), "Baselines section");
        assertTrue(html.contains("em-mixture") && html.contains("-21.25"), "compare.json rendered");
    }

    @Test
    void variantsRunEachCombinationAndCompareThem() throws IOException {
        Path v = dir.resolve("variants");
        CliHarness.Result r = CliHarness.run(reproduce(v, "--models", "2", "--variants", "--epochs", "2"));
        assertEquals(0, r.code(), r.toString());
        for (String name : List.of("sigmoid-ratio-paper", "sigmoid-ratio-exact", "softmax-exact")) {
            Path d = v.resolve("variants").resolve(name);
            assertTrue(Files.exists(d.resolve("models/seed-02/evaluation.json")), name);
            assertTrue(Files.exists(d.resolve("report.html")), name);
            JsonNode model = JSON.readTree(d.resolve("models/seed-01/model.json").toFile());
            assertEquals(name, model.get("config").get("normalization").asText() + "-"
                    + model.get("config").get("score").asText());
        }
        assertNotBlank(v.resolve("variants.png"));
        assertNotBlank(v.resolve("fig2.png"));
        String html = Files.readString(v.resolve("report.html"));
        assertTrue(html.contains("id=\"variants\"") && html.contains("softmax-exact"), "comparison section");
        assertEquals(1 + 3 * 2, Files.readAllLines(v.resolve("variants-summary.csv")).size());
    }

    @Test
    void sampleAndShowDrawOneModel() throws IOException {
        Path model = out.resolve("models/seed-01/model.json");
        Path s = dir.resolve("sample.png");
        CliHarness.Result r = CliHarness.run("sample", model.toString(), "--steps", "20", "--png", s.toString());
        assertEquals(0, r.code(), r.toString());
        assertNotBlank(s);
        Path p = dir.resolve("show.png");
        r = CliHarness.run("show", model.toString(), "--png", p.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("evaluation.json"), "uses the evaluation beside the model: " + r.out());
        assertNotBlank(p);
        // a model without an evaluation beside it is evaluated on the data
        Path lone = dir.resolve("lone/model.json");
        Files.createDirectories(lone.getParent());
        Files.copy(model, lone);
        r = CliHarness.run("show", lone.toString(), "--png", dir.resolve("show2.png").toString(), "--data",
                data.toString(), "--per-class", "100", "--chain-length", "500");
        assertEquals(0, r.code(), r.toString());
        assertNotBlank(dir.resolve("show2.png"));
    }

    @Test
    void badFlagsAreNamed() {
        CliHarness.Result r = CliHarness.run(reproduce(dir.resolve("bad"), "--seeds", "5..2"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--seeds"), r.toString());
        r = CliHarness.run(reproduce(dir.resolve("bad"), "--threads", "0"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--threads"), r.toString());
        r = CliHarness.run("sample", dir.resolve("nope.json").toString(), "--png", dir.resolve("x.png").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("nope.json"), r.toString());
    }

    /** Decodes with ImageIO and has some contrast: not one flat color. */
    static void assertNotBlank(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " decodes");
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double var = sq / n - (sum / n) * (sum / n);
        assertTrue(var > 1, png + " is blank (pixel variance " + var + ")");
    }

    private static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private static String parameters(Path model) throws IOException {
        return JSON.readTree(model.toFile()).get("parameters").toString();
    }

    private static String withoutTimings(Path evaluation) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(evaluation.toFile());
        n.remove("timings");
        // the fingerprint of model.json's bytes, which record the model's wall-clock training time
        n.remove("modelFingerprint");
        return n.toString();
    }

    private static String summaryWithoutTimes(Path ensemble) throws IOException {
        JsonNode s = JSON.readTree(ensemble.resolve("summary.json").toFile());
        for (JsonNode m : s.get("models")) {
            ((ObjectNode) m).remove("trainingSeconds");
        }
        return s.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}

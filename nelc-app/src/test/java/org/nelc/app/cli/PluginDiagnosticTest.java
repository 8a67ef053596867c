package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.diagnostic.Diagnostic;

/**
 * A third-party diagnostic, compiled here into a jar against nelc-api only, shows up in every output with
 * no change to the app — the evaluate table, {@code evaluation.json}, {@code summary.csv},
 * {@code report.html}, {@code compare.csv} and {@code compare.json} — and a diagnostic that throws is reported as failed while the rest is written.
 */
class PluginDiagnosticTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPluginDiagnosticReachesEveryOutputAndABrokenOneIsReportedAsFailed() throws Exception {
        Path plugins = buildJar(dir.resolve("plugins"));
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"))).code());

        CliHarness.Result ev = CliHarness.run("--plugins", plugins.toString(), "evaluate",
                dir.resolve("run/model.json").toString(), "--chain-length", "3000", "--burn-in", "100",
                "--rb-samples", "50");
        assertEquals(0, ev.code(), ev.toString());
        assertTrue(ev.out().contains("occupancy-entropy") && ev.out().contains("entropy of the occupancy p̄"),
                ev.out());
        assertTrue(ev.out().contains("always-broken") && ev.out().contains("FAILED: IllegalStateException: plugin bug"),
                ev.out());
        assertTrue(ev.out().contains("σ, Rao-Blackwellized M"), "the rest is still printed: " + ev.out());
        JsonNode e = JSON.readTree(dir.resolve("run/evaluation.json").toFile());
        JsonNode mine = find(e.get("diagnostics"), "occupancy-entropy");
        assertEquals("OK", mine.get("status").asText());
        JsonNode m = mine.get("measurements").get(0);
        assertEquals("entropy", m.get("key").asText());
        assertTrue(m.get("value").asDouble() > 0 && m.get("value").asDouble() <= Math.log(3) + 1e-12, m.toString());
        assertEquals("half-difference of the trajectory's two halves", m.get("method").asText());
        JsonNode broken = find(e.get("diagnostics"), "always-broken");
        assertEquals("FAILED", broken.get("status").asText());
        assertEquals("IllegalStateException: plugin bug", broken.get("message").asText());
        assertEquals("OK", find(e.get("diagnostics"), "entropy-production").get("status").asText());

        Path out = dir.resolve("ensemble");
        CliHarness.Result rep = CliHarness.run("--plugins", plugins.toString(), "reproduce", "--data", data.toString(),
                "--per-class", "100", "--latent", "one-hot:3", "--epochs", "3", "--steps-per-epoch", "10", "--batch",
                "8:32", "--chain-steps", "12", "--chain-length", "2000", "--burn-in", "100", "--rb-samples", "50",
                "--models", "2", "--quiet", "--out", out.toString());
        assertEquals(0, rep.code(), rep.toString());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        List<String> head = List.of(csv.get(0).split(","));
        int col = head.indexOf("occupancy-entropy.entropy");
        assertTrue(col > 0 && head.contains("occupancy-entropy.entropy.se"), csv.get(0));
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",", -1);
            assertTrue(Double.parseDouble(f[col]) > 0, row);
            assertTrue(row.contains("always-broken: failed: IllegalStateException: plugin bug"), row);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("entropy of the occupancy p̄ (nats)"), "the plugin's column in the models table");
        assertTrue(html.contains("always-broken: failed: IllegalStateException: plugin bug"), "the failure is named");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("models").get(0).get("measurements").has("occupancy-entropy.entropy"));
    }

    /**
     * The same jar's diagnostic reaches {@code compare.csv} and {@code compare.json} with no change to the app:
     * a column with its standard error for every evaluated run (NEQ, RBM, the best EM restart), the broken one
     * named in {@code not_computed}; the EM restart that is not evaluated has its LL only and says so.
     */
    @Test
    void aPluginDiagnosticReachesCompareCsvAndJson() throws Exception {
        Path plugins = buildJar(dir.resolve("plugins"));
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("cmp");
        CliHarness.Result r = CliHarness.run("--plugins", plugins.toString(), "compare", "--data", data.toString(),
                "--per-class", "100", "--latent", "one-hot:3", "--epochs", "2", "--steps-per-epoch", "10", "--batch",
                "8:32", "--chain-steps", "12", "--seeds", "1", "--rbm-seeds", "1", "--rbm-gradient", "rbm-exact",
                "--restarts", "2", "--chain-length", "2000", "--burn-in", "100", "--rb-samples", "50", "--lr", "0.1",
                "--threads", "2", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        List<String> head = List.of(csv.get(0).split(","));
        int col = head.indexOf("occupancy-entropy.entropy");
        assertTrue(col > 0 && head.get(col + 1).equals("occupancy-entropy.entropy.se"), csv.get(0));
        int notComputed = head.indexOf("not_computed");
        assertEquals(head.size() - 1, notComputed, csv.get(0));
        int evaluated = 0;
        int llOnly = 0;
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",", -1);
            if (f[col].isEmpty()) {
                assertTrue(row.startsWith("em,") && row.contains("not evaluated: an EM restart other than the best"),
                        row);
                assertTrue(Double.parseDouble(f[head.indexOf("ll")]) < 0, "its LL is there: " + row);
                llOnly++;
            } else {
                double h = Double.parseDouble(f[col]);
                assertTrue(h > 0 && h <= Math.log(3) + 1e-12, row);
                assertTrue(Double.parseDouble(f[col + 1]) >= 0, "with its standard error: " + row);
                assertTrue(row.contains("always-broken: failed: IllegalStateException: plugin bug"), row);
                evaluated++;
            }
        }
        assertEquals(3, evaluated, "NEQ, RBM-exact and the best EM restart: " + csv);
        assertEquals(1, llOnly, "the other EM restart: " + csv);
        JsonNode json = JSON.readTree(out.resolve("compare.json").toFile());
        assertEquals("half-difference of the trajectory's two halves",
                json.get("measurements").get("occupancy-entropy.entropy").get("method").asText());
        int withPlugin = 0;
        for (JsonNode row : json.get("rows")) {
            JsonNode m = row.get("measurements").get("occupancy-entropy.entropy");
            if (m != null) {
                assertTrue(m.get("value").asDouble() > 0 && m.has("standardError"), row.toString());
                withPlugin++;
            } else {
                assertTrue(row.get("notEvaluated").asText().startsWith("not evaluated"), row.toString());
            }
        }
        assertEquals(3, withPlugin);
    }

    private static JsonNode find(JsonNode results, String name) {
        for (JsonNode r : results) {
            if (r.get("diagnostic").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + name + " in " + results);
    }

    /** Two diagnostics in one jar: the entropy of the occupancy with an error, and one that always throws. */
    static Path buildJar(Path pluginDir) throws IOException, URISyntaxException {
        Path src = pluginDir.getParent().resolve("diag-src/ext");
        Files.createDirectories(src);
        Files.writeString(src.resolve("OccupancyEntropy.java"), """
                package ext;
                import java.util.List;
                import java.util.Map;
                import org.nelc.api.diagnostic.*;
                public final class OccupancyEntropy implements Diagnostic {
                    public String name() { return "occupancy-entropy"; }
                    public String description() { return "entropy of the latent occupancy (a third-party plugin)"; }
                    public DiagnosticResult compute(DiagnosticContext c) {
                        int[] t = c.trajectory();
                        int n = c.model().latent().states();
                        double whole = entropy(t, 0, t.length, n);
                        double a = entropy(t, 0, t.length / 2, n);
                        double b = entropy(t, t.length / 2, t.length, n);
                        Measurement m = Measurement.builder().key("entropy")
                                .description("entropy of the occupancy p̄").value(whole)
                                .standardError(Math.abs(a - b) / 2).unit("nats")
                                .method("half-difference of the trajectory's two halves").build();
                        return DiagnosticResult.of(name(), List.of(m), Map.of("states", n));
                    }
                    static double entropy(int[] t, int from, int to, int n) {
                        double[] p = new double[n];
                        for (int i = from; i < to; i++) p[t[i]] += 1.0 / (to - from);
                        double h = 0;
                        for (double v : p) if (v > 0) h -= v * Math.log(v);
                        return h;
                    }
                }
                """);
        Files.writeString(src.resolve("AlwaysBroken.java"), """
                package ext;
                import org.nelc.api.diagnostic.*;
                public final class AlwaysBroken implements Diagnostic {
                    public String name() { return "always-broken"; }
                    public String description() { return "throws (a buggy plugin)"; }
                    public DiagnosticResult compute(DiagnosticContext c) {
                        throw new IllegalStateException("plugin bug");
                    }
                }
                """);
        Path classes = pluginDir.getParent().resolve("diag-classes");
        Files.createDirectories(classes);
        String api = Path.of(Diagnostic.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", api, "-d", classes.toString(),
                src.resolve("OccupancyEntropy.java").toString(), src.resolve("AlwaysBroken.java").toString());
        assertEquals(0, rc, "compiling the plugin");
        Files.createDirectories(pluginDir);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(pluginDir.resolve("my-diagnostics.jar")))) {
            for (String c : List.of("ext/OccupancyEntropy.class", "ext/AlwaysBroken.class")) {
                out.putNextEntry(new JarEntry(c));
                out.write(Files.readAllBytes(classes.resolve(c)));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + Diagnostic.class.getName()));
            out.write("ext.OccupancyEntropy\next.AlwaysBroken\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return pluginDir;
    }
}

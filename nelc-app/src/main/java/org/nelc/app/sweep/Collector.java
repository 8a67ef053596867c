package org.nelc.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.UserError;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.app.report.SummaryFiles;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;

/**
 * Gathers a sweep's finished cells: {@code summary.csv} and {@code summary.json} (one row per cell, in
 * manifest order, every cell listed whatever its state), the per-setting statistics
 * ({@link SettingStats}) and {@code report.html} ({@link SweepReport}). Reads only files; may run while
 * the sweep is still going (it reports what is finished).
 */
public final class Collector {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What was collected. */
    public record Result(List<CellRow> rows, List<SettingStats> settings) {
    }

    private final SweepDir sweep;
    private final Manifest manifest;
    private final PluginCatalog plugins;

    public Collector(SweepDir sweep, Manifest manifest, PluginCatalog plugins) {
        this.sweep = sweep;
        this.manifest = manifest;
        this.plugins = plugins;
    }

    public Result collect() {
        List<CellRow> rows = new ArrayList<>();
        for (SweepStatus.CellState s : SweepStatus.read(sweep, manifest)) {
            rows.add(row(s));
        }
        Map<String, List<CellRow>> groups = new LinkedHashMap<>();
        Map<String, Map<String, String>> settingOf = new LinkedHashMap<>();
        for (CellRow r : rows) {
            String key = r.cell().settingLabel();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            settingOf.putIfAbsent(key, r.cell().setting());
        }
        List<SettingStats> settings = new ArrayList<>();
        groups.forEach((k, v) -> settings.add(SettingStats.of(settingOf.get(k), v)));
        return new Result(List.copyOf(rows), List.copyOf(settings));
    }

    /** Collects and writes summary.csv, summary.json and report.html; returns what was collected. */
    public Result write() {
        Result r = collect();
        AtomicFiles.writeString(sweep.root().resolve("summary.csv"), csv(r.rows()));
        AtomicFiles.writeString(sweep.root().resolve("summary.json"), json(r));
        AtomicFiles.writeString(sweep.root().resolve("report.html"), SweepReport.html(sweep, manifest, r));
        return r;
    }

    private CellRow row(SweepStatus.CellState s) {
        if (s.state() != SweepStatus.State.DONE) {
            return new CellRow(s.cell(), s.state(), s.detail(), null, null);
        }
        CellFiles f = sweep.cell(s.cell());
        try {
            Evaluation e = Evaluation.fromJson(Files.readString(f.evaluation()));
            JsonNode done = JSON.readTree(Files.readString(f.done()));
            double seconds = done.path("trainSeconds").asDouble(Double.NaN);
            ModelSummary summary = ModelSummary.of(s.cell().seed(), e, HistoryFile.read(f.history()), seconds);
            return new CellRow(s.cell(), s.state(), "", summary, parametersSha256(f.model()));
        } catch (IOException | UserError e) {
            throw new UserError(f.dir() + ": the cell is marked done but its files cannot be read (" + e.getMessage()
                    + "); delete the directory to run the cell again", e);
        }
    }

    /** SHA-256 of the raw bits of the model's parameter blocks (see {@link CellRow#parametersSha256()}). */
    String parametersSha256(Path modelFile) {
        double[][] blocks = ModelIO.read(modelFile, plugins).model().blocks();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (double[] block : blocks) {
                for (double v : block) {
                    b.clear();
                    b.putLong(Double.doubleToRawLongBits(v));
                    md.update(b.array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The header and one row per cell: {@code index,id,<axes>,state}, then the columns of
     * {@code nelc reproduce}'s summary ({@link SummaryFiles}: every measurement any finished cell has, empty
     * for a cell not finished), then {@code parameters_sha256,message}.
     */
    String csv(List<CellRow> rows) {
        List<String> head = new ArrayList<>(List.of("index", "id"));
        for (Manifest.Axis a : manifest.axes()) {
            head.add(a.name());
        }
        head.add("state");
        List<ModelSummary> done = rows.stream().map(CellRow::summary).filter(java.util.Objects::nonNull).toList();
        List<MeasurementKey> columns = SummaryFiles.columns(done);
        String summaryHeader = SummaryFiles.header(columns);
        head.add(summaryHeader);
        head.add("parameters_sha256");
        head.add("message");
        int summaryColumns = summaryHeader.split(",").length;
        StringBuilder sb = new StringBuilder(String.join(",", head)).append('\n');
        for (CellRow r : rows) {
            List<String> f = new ArrayList<>();
            f.add(Integer.toString(r.cell().index()));
            f.add(r.cell().id());
            for (Manifest.Axis a : manifest.axes()) {
                f.add(csvField(r.cell().setting().getOrDefault(a.name(), "")));
            }
            f.add(r.state().name().toLowerCase(Locale.ROOT));
            if (r.summary() == null) {
                f.add(Long.toString(r.cell().seed()) + ",".repeat(summaryColumns - 1));
            } else {
                f.add(SummaryFiles.row(r.summary(), null, columns));
            }
            f.add(r.parametersSha256() == null ? "" : r.parametersSha256());
            f.add(csvField(r.message()));
            sb.append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }

    private String json(Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-sweep-summary");
        root.put("schemaVersion", 1);
        root.put("sweep", sweep.root().toString());
        root.put("axes", manifest.axes());
        root.put("primaryEstimator", "rao-blackwell");
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellRow row : r.rows()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("index", row.cell().index());
            c.put("id", row.cell().id());
            c.put("seed", row.cell().seed());
            c.put("setting", row.cell().setting());
            c.put("state", row.state().name().toLowerCase(Locale.ROOT));
            if (!row.message().isEmpty()) {
                c.put("message", row.message());
            }
            if (row.summary() != null) {
                c.put("summary", row.summary());
                c.put("parametersSha256", row.parametersSha256());
            }
            cells.add(c);
        }
        root.put("cells", cells);
        List<Map<String, Object>> settings = new ArrayList<>();
        for (SettingStats s : r.settings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", s.setting());
            m.put("cells", s.cells());
            m.put("done", s.done());
            m.put("failed", s.failed());
            m.put("cleanCycles", s.cleanCycles());
            m.put("cleanCycleFraction", s.cleanFraction());
            m.put("cleanCycleFractionStandardError", s.cleanFractionError());
            m.put("logLikelihood", s.logLikelihood());
            m.put("sigma", s.sigma());
            m.put("tau", s.tau());
            m.put("classKl", s.classKl());
            settings.add(m);
        }
        root.put("settings", settings);
        root.put("settingsUncertainty", SettingStats.METHOD);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}

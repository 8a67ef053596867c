package org.nelc.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.UserError;
import org.nelc.core.Version;

/**
 * A sweep's {@code manifest.json} (schema {@value #SCHEMA} version {@value #SCHEMA_VERSION}): the grid,
 * the seeds, the evaluation settings and one {@link Cell} per run with its full training configuration
 * (the canonical map of {@link TrainingFlags}). Written by {@code nelc sweep plan}; the same command gives
 * the same bytes (no time stamps, maps in a fixed order).
 *
 * <p><b>Cell ids.</b> A cell's id is the first {@value #ID_HEX_DIGITS} hex digits of the SHA-256 of
 * {@link #canonicalConfiguration}: the compact JSON
 * {@code {"evaluation":{"burnIn":"…","chainLength":"…","rbSamples":"…"},"training":{…}}} with keys
 * sorted and every value a string, where {@code training} is the cell's canonical training map (which
 * includes {@code seed}). The id depends on what the run computes and on nothing else — not on the
 * cell's position, the other axes, the nelc version or the time — so re-planning a sweep with more
 * seeds or values keeps the finished cells, and two sweeps that share a configuration share its id.
 */
public record Manifest(String schema, int schemaVersion, String nelcVersion, String idRule, List<Axis> axes,
        List<Long> seeds, EvaluationSettings evaluation, List<String> plugins, Map<String, String> base,
        List<Cell> cells) {

    public static final String SCHEMA = "nelc-sweep";
    public static final int SCHEMA_VERSION = 1;
    public static final int ID_HEX_DIGITS = 12;
    public static final String ID_RULE = "id = first 12 hex digits of SHA-256(canonical JSON {\"evaluation\":{...},"
            + "\"training\":{...}}, keys sorted, values as strings, no spaces)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Manifest {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
        plugins = List.copyOf(plugins);
        cells = List.copyOf(cells);
    }

    /** A grid axis with its canonical values. */
    public record Axis(String name, List<String> values) {
    }

    /**
     * What the precise evaluation of every cell uses (its seed is the cell's seed). {@code precision} is
     * σ's relative standard error the Rao-Blackwellized draws grow for (0, as in manifests written before
     * it existed: fixed draws); it enters the cell id only when set, so those manifests keep their ids.
     */
    public record EvaluationSettings(int chainLength, int burnIn, int rbSamples, double precision) {
        Map<String, String> canonical() {
            Map<String, String> m = new TreeMap<>();
            m.put("burnIn", Integer.toString(burnIn));
            m.put("chainLength", Integer.toString(chainLength));
            m.put("rbSamples", Integer.toString(rbSamples));
            if (precision > 0) {
                m.put("precision", Double.toString(precision));
            }
            return m;
        }

        /** The options of the evaluation of a cell with this seed. */
        public org.nelc.analysis.evaluate.EvaluationOptions options(long seed) {
            return new org.nelc.analysis.evaluate.EvaluationOptions(seed, chainLength, burnIn, rbSamples)
                    .withPrecision(precision);
        }
    }

    /**
     * One run.
     *
     * @param index the position in the manifest, 0-based (the Slurm array index)
     * @param id the stable id (see the class comment): the cell's directory is {@code cells/<id>}
     * @param seed the run's seed (training and evaluation)
     * @param setting the grid axes' canonical values, in axis order
     * @param training the full canonical training configuration
     */
    public record Cell(int index, String id, long seed, Map<String, String> setting, Map<String, String> training) {
        public Cell {
            setting = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setting));
            training = java.util.Collections.unmodifiableMap(new TreeMap<>(training));
        }

        /** {@code lr=0.1 latent=one-hot:4} (empty without axes). */
        public String settingLabel() {
            StringBuilder sb = new StringBuilder();
            setting.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }

        /** {@code lr=0.1 seed=3}. */
        public String label() {
            String s = settingLabel();
            return (s.isEmpty() ? "" : s + " ") + "seed=" + seed;
        }
    }

    public static Manifest of(List<Axis> axes, List<Long> seeds, EvaluationSettings evaluation, List<String> plugins,
            Map<String, String> base, List<Cell> cells) {
        return new Manifest(SCHEMA, SCHEMA_VERSION, Version.VERSION, ID_RULE, axes, seeds, evaluation, plugins,
                base, cells);
    }

    /** The text the id is the hash of. */
    public static String canonicalConfiguration(Map<String, String> training, EvaluationSettings evaluation) {
        Map<String, Object> root = new TreeMap<>();
        root.put("evaluation", evaluation.canonical());
        root.put("training", new TreeMap<>(training));
        try {
            return COMPACT.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String cellId(Map<String, String> training, EvaluationSettings evaluation) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalConfiguration(training, evaluation).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Cell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new UserError("--index: the sweep has cells 0.." + (cells.size() - 1) + ", got " + index);
        }
        return cells.get(index);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Manifest fromJson(String json, String where) {
        Manifest m;
        try {
            m = JSON.readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new UserError(where + ": not a sweep manifest (" + org.nelc.core.io.JsonErrors.describe(e) + ")", e);
        }
        if (!SCHEMA.equals(m.schema())) {
            throw new UserError(where + ": schema is '" + m.schema() + "', expected '" + SCHEMA + "'");
        }
        if (m.schemaVersion() != SCHEMA_VERSION) {
            throw new UserError(where + ": schemaVersion " + m.schemaVersion() + " is not supported (this nelc reads "
                    + SCHEMA_VERSION + ")");
        }
        for (int i = 0; i < m.cells().size(); i++) {
            Cell c = m.cells().get(i);
            if (c.index() != i || c.id() == null || !c.id().matches("[0-9a-f]{" + ID_HEX_DIGITS + "}")) {
                throw new UserError(where + ": cell " + i + " has a bad index or id");
            }
        }
        return m;
    }
}

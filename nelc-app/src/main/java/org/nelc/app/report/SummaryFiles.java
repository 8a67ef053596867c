package org.nelc.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.api.io.AtomicFiles;

/**
 * {@code summary.csv} and {@code summary.json}: one row per model, with its regime. Numbers are those of
 * {@code evaluation.json} (precise estimators) and {@code model.json} (training time); non-finite values
 * are written {@code Infinity}/{@code NaN} (in JSON as strings, as {@code evaluation.json} does).
 */
public final class SummaryFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String CSV_HEADER = "seed,regime,ll,ll_se,sigma_rb,sigma_count,one_way_pairs,tau_rb,tau_count,"
            + "tr_m_over_l_rb,tr_m_over_l_count,one_over_l,class_kl,pbar,state_class,clean_cycle,cycles,training_s,"
            + "ll_on_the_fly_final,sigma_on_the_fly_final";

    private SummaryFiles() {
    }

    public static void write(Path csv, Path json, String variant, List<ModelSummary> rows, Map<Long, Integer> regimes) {
        AtomicFiles.writeString(csv, csv(rows, regimes, null));
        AtomicFiles.writeString(json, json(variant, rows, regimes));
    }

    /** The CSV; with {@code variant} non-null a first column {@code variant} is added. */
    public static String csv(List<ModelSummary> rows, Map<Long, Integer> regimes, String variant) {
        StringBuilder sb = new StringBuilder();
        if (variant != null) {
            sb.append("variant,");
        }
        sb.append(CSV_HEADER).append('\n');
        appendRows(sb, rows, regimes, variant);
        return sb.toString();
    }

    static void appendRows(StringBuilder sb, List<ModelSummary> rows, Map<Long, Integer> regimes, String variant) {
        for (ModelSummary r : rows) {
            List<String> f = new ArrayList<>();
            if (variant != null) {
                f.add(variant);
            }
            f.add(Long.toString(r.seed()));
            Integer reg = regimes.get(r.seed());
            f.add(reg == null ? "" : new String[] {"i", "ii", "iii"}[reg]);
            f.add(num(r.logLikelihood()));
            f.add(num(r.logLikelihoodSe()));
            f.add(num(r.sigmaRaoBlackwell()));
            f.add(num(r.sigmaCount()));
            f.add(Integer.toString(r.oneWayPairs()));
            f.add(num(r.tauRaoBlackwell()));
            f.add(num(r.tauCount()));
            f.add(num(r.selfTransitionRaoBlackwell()));
            f.add(num(r.selfTransitionCount()));
            f.add(num(r.selfTransitionBaseline()));
            f.add(num(r.classKl()));
            f.add(join(r.occupancy()));
            f.add(join(r.stateClass()));
            f.add(Boolean.toString(r.cleanCycle()));
            f.add('"' + r.cyclesText().replace("\"", "'") + '"');
            f.add(num(r.trainingSeconds()));
            f.add(num(r.finalLogLikelihoodOnTheFly()));
            f.add(num(r.finalSigmaOnTheFly()));
            sb.append(String.join(",", f)).append('\n');
        }
    }

    public static String json(String variant, List<ModelSummary> rows, Map<Long, Integer> regimes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-summary");
        root.put("schemaVersion", 1);
        root.put("variant", variant);
        root.put("primaryEstimator", "rao-blackwell");
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelSummary r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", r.seed());
            Integer reg = regimes.get(r.seed());
            m.put("regime", reg == null ? null : Regimes.name(reg));
            m.put("logLikelihood", r.logLikelihood());
            m.put("logLikelihoodStandardError", r.logLikelihoodSe());
            m.put("sigmaRaoBlackwell", r.sigmaRaoBlackwell());
            m.put("sigmaCount", r.sigmaCount());
            m.put("oneWayPairs", r.oneWayPairs());
            m.put("tauRaoBlackwell", r.tauRaoBlackwell());
            m.put("tauCount", r.tauCount());
            m.put("selfTransitionRaoBlackwell", r.selfTransitionRaoBlackwell());
            m.put("selfTransitionCount", r.selfTransitionCount());
            m.put("selfTransitionBaseline", r.selfTransitionBaseline());
            m.put("classKl", r.classKl());
            m.put("occupancy", r.occupancy());
            m.put("stateClass", r.stateClass());
            m.put("cleanCycle", r.cleanCycle());
            List<Map<String, Object>> cycles = new ArrayList<>();
            for (Cycle c : r.cycles()) {
                cycles.add(c.toMap());
            }
            m.put("cycles", cycles);
            m.put("cyclesText", r.cyclesText());
            m.put("trainingSeconds", r.trainingSeconds());
            m.put("finalLogLikelihoodOnTheFly", r.finalLogLikelihoodOnTheFly());
            m.put("finalSigmaOnTheFly", r.finalSigmaOnTheFly());
            models.add(m);
        }
        root.put("models", models);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(v);
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5f", v[k]));
        }
        return sb.toString();
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k == 0 ? "" : " ").append(v[k]);
        }
        return sb.toString();
    }
}

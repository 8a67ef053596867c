package org.nelc.app.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.baseline.BernoulliMixture;
import org.nelc.analysis.baseline.BernoulliMixtureEm;
import org.nelc.analysis.baseline.EmSettings;
import org.nelc.analysis.baseline.MixtureFit;
import org.nelc.api.data.Dataset;
import org.nelc.core.Version;

/**
 * {@code em.json}, schema {@value #SCHEMA} version 1: the settings, the data's provenance, every
 * restart's outcome and the best restart's mixture ({@code weights[k]}, {@code means[k][i] = μ_ki},
 * components by decreasing weight) with its log-likelihood history.
 */
public final class MixtureJson {
    public static final String SCHEMA = "nelc-em";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MixtureJson() {
    }

    public static Map<String, Object> tree(BernoulliMixtureEm.Result result, Dataset data) {
        EmSettings s = result.settings();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", 1);
        root.put("nelcVersion", Version.VERSION);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("components", s.components());
        settings.put("restarts", s.restarts());
        settings.put("maxIterations", s.maxIterations());
        settings.put("tolerance", s.tolerance());
        settings.put("clip", s.clip());
        settings.put("initFraction", s.initFraction());
        settings.put("initClip", EmSettings.INIT_CLIP);
        settings.put("seed", s.seed());
        root.put("settings", settings);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data.source());
        d.put("fingerprint", data.fingerprint());
        d.put("size", data.size());
        d.put("dimension", data.dimension());
        d.put("classCounts", data.classCounts());
        root.put("data", d);
        List<Map<String, Object>> restarts = new ArrayList<>();
        for (MixtureFit f : result.restarts()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("restart", f.restart());
            r.put("logLikelihood", f.logLikelihood());
            r.put("standardError", f.summary().standardError());
            r.put("iterations", f.iterations());
            r.put("converged", f.converged());
            r.put("seconds", f.seconds());
            restarts.add(r);
        }
        root.put("restarts", restarts);
        MixtureFit best = result.bestFit();
        BernoulliMixture m = best.mixture();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("restart", best.restart());
        b.put("logLikelihood", best.logLikelihood());
        b.put("standardError", best.summary().standardError());
        b.put("units", "nats per image (exact)");
        b.put("history", best.history());
        b.put("weights", m.weights());
        double[][] means = new double[m.components()][m.dimension()];
        for (int k = 0; k < m.components(); k++) {
            for (int i = 0; i < m.dimension(); i++) {
                means[k][i] = m.mean(k, i);
            }
        }
        b.put("means", means);
        root.put("best", b);
        return root;
    }

    public static String toJson(BernoulliMixtureEm.Result result, Dataset data) {
        try {
            return JSON.writeValueAsString(tree(result, data)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.nelc.app.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.api.data.Dataset;
import org.nelc.core.Version;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.train.TrainingConfig;

/** {@code plan.json}: what an ensemble directory was made with (informational; resume checks each model). */
public final class PlanFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFile() {
    }

    static void write(Path file, EnsemblePlan plan, Dataset data) {
        AtomicFiles.writeString(file, toJson(plan, data));
    }

    static String toJson(EnsemblePlan plan, Dataset data) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-ensemble-plan");
        root.put("schemaVersion", 1);
        root.put("nelcVersion", Version.VERSION);
        root.put("name", plan.name());
        root.put("seeds", plan.seeds());
        root.put("training", settings(plan.template()));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("chainLength", plan.chainLength());
        ev.put("burnIn", plan.burnIn());
        ev.put("rbSamples", plan.rbSamples());
        ev.put("precision", plan.precision());
        root.put("evaluation", ev);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data.source());
        d.put("fingerprint", data.fingerprint());
        d.put("size", data.size());
        d.put("dimension", data.dimension());
        d.put("classCounts", data.classCounts());
        root.put("data", d);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings of a config, without its seed, as ordered key/values (also shown in the report). */
    public static Map<String, Object> settings(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.model().label());
        m.put("latent", c.latent().toString());
        m.put("normalization", c.normalization() == null ? "(encoding default)" : c.normalization());
        m.put("score", c.score().label());
        m.put("visibleKernel", c.visibleKernel());
        m.put("gradient", c.gradient());
        m.put("optimizer", c.optimizer());
        m.put("learningRate", c.learningRate());
        m.put("optimizerSettings", c.optimizerSettings());
        m.put("epochs", c.epochs());
        m.put("stepsPerEpoch", c.stepsPerEpoch());
        m.put("batch", c.batchMin() + ":" + c.batchMax());
        m.put("chainSteps", c.chainSteps());
        m.put("chains", c.chains());
        m.put("initFraction", c.initFraction());
        m.put("initClip", c.initClip());
        m.put("centering", c.centering());
        return m;
    }
}

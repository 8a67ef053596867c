package org.nelc.core.io;

import org.nelc.api.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.LatentEncoding;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.Version;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.plugin.PluginCatalog.Kind;
import org.nelc.core.train.LatentSpec;
import org.nelc.core.train.ModelKind;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.core.train.TrainingConfig;

/**
 * Reads and writes {@code model.json}, schema {@code nelc-model} version {@value #SCHEMA_VERSION}
 * (documented in {@code docs/model-json.md}). Doubles are written in their shortest round-trip form,
 * so a reloaded model has bit-identical parameters. Reading validates everything: a missing field, a
 * non-finite number or a block of the wrong size is a {@link UserError} naming the file and field.
 */
public final class ModelIO {
    public static final String SCHEMA = "nelc-model";
    public static final int SCHEMA_VERSION = 1;
    /**
     * Reads NaN/Infinity tokens (as Python's json writes them) so that the error can name the field. Doubles
     * are parsed and written by Jackson's own fast routines (FastDoubleParser: correctly rounded, so the same
     * double as {@code Double.parseDouble}; Schubfach: the shortest decimal that reads back as the same
     * double), not the JDK's: 30 000 of them per model, and a command writes or reads one model once, in
     * code still interpreted (docs/design-notes.md, "Start-up").
     */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * The largest parameter magnitude read. A logistic unit's probability is 0 or 1 to double precision
     * once its field passes ±37 (docs/model.md §2), and trained parameters stay within a few tens; a value
     * of 1e6 is already deterministic by a margin of 1e4. Beyond it a file was edited by hand or damaged,
     * and a w of 1e300 would print a log-likelihood of 300 digits.
     */
    public static final double MAX_ABS_PARAMETER = 1e6;
    /** The bytes of a saved chain stream (XoShiRo256++: four longs), what {@link #restore} needs. */
    static final int RNG_STATE_BYTES = ((RandomProviderDefaultState) org.nelc.core.random.SeedTree.root(0).stream()
            .saveState()).getState().length;

    private ModelIO() {
    }

    /** A JSON value for a message, cut to 40 characters. */
    private static String brief(JsonNode v) {
        String t = v.toString();
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }

    public static void write(Path file, TrainedModel trained) {
        PersistentChain chain = trained.chain();
        byte[][] vis = new byte[chain.chains()][];
        byte[][] rng = new byte[chain.chains()][];
        for (int k = 0; k < chain.chains(); k++) {
            vis[k] = chain.state(k);
            rng[k] = ((RandomProviderDefaultState) chain.stream(k).saveState()).getState();
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", trained.history().size());
        training.put("steps", trained.history().isEmpty() ? 0 : trained.history().get(trained.history().size() - 1).step());
        training.put("seconds", trained.seconds());
        training.put("finalLogLikelihoodOnTheFly", trained.finalLogLikelihood());
        training.put("finalSigmaCount", trained.finalSigma());
        write(file, ModelFile.builder().model(trained.model()).config(trained.config()).data(trained.data())
                .chainVisible(vis).chainRngStates(rng).optimizerState(trained.optimizerState()).training(training)
                .nelcVersion(Version.VERSION).build());
    }

    /**
     * Writes the model file atomically, streaming: the parameter and optimizer arrays go straight from
     * memory to the file, never through a JSON tree or one big string (which needed ~300 bytes a
     * parameter and ran out of memory after training a large model, docs/reliability.md).
     */
    public static void write(Path file, ModelFile mf) {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = generator(JSON.getFactory().createGenerator(out, JsonEncoding.UTF8))) {
                writeJson(g, mf);
            }
            out.write('\n');
        });
    }

    /** The text {@link #write} writes. */
    public static String toJson(ModelFile mf) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = generator(JSON.getFactory().createGenerator(text))) {
            writeJson(g, mf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text + "\n";
    }

    private static JsonGenerator generator(JsonGenerator g) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }

    private static void writeJson(JsonGenerator g, ModelFile mf) throws IOException {
        g.writeStartObject();
        var fields = header(mf).fields();
        while (fields.hasNext()) {
            var f = fields.next();
            g.writeFieldName(f.getKey());
            g.writeTree(f.getValue());
        }
        Model m = mf.model();
        g.writeObjectFieldStart("parameters");
        double[][] blocks = m.blocks();
        for (int b = 0; b < blocks.length; b++) {
            writeArray(g, Model.BLOCKS[b], blocks[b]);
        }
        g.writeEndObject();
        writeArray(g, "centering", m.centering());
        g.writeObjectFieldStart("chain");
        g.writeArrayFieldStart("visible");
        for (byte[] x : mf.chainVisible()) {
            StringBuilder sb = new StringBuilder(x.length);
            for (byte v : x) {
                sb.append(v == 0 ? '0' : '1');
            }
            g.writeString(sb.toString());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rngState");
        for (byte[] st : mf.chainRngStates()) {
            g.writeString(Base64.getEncoder().encodeToString(st));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("optimizerState");
        for (double[] st : mf.optimizerState()) {
            g.writeStartArray();
            for (double v : st) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeFieldName("training");
        g.writeTree(JSON.valueToTree(mf.training()));
        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** Everything before the parameters: schema, versions, model, config, data. */
    private static ObjectNode header(ModelFile mf) {
        Model m = mf.model();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("nelcVersion", mf.nelcVersion());
        ObjectNode model = root.putObject("model");
        model.put("visibleSize", m.visibleSize());
        model.put("encoding", m.latent().encoding());
        model.put("units", m.units());
        model.put("states", m.latent().states());
        model.put("normalization", m.latent().normalization());
        model.put("visibleKernel", m.visible().name());
        putSettings(model, "visibleKernelSettings", m.visible().configuration());
        if (mf.config() != null) {
            root.set("config", configJson(mf.config()));
        }
        if (mf.data() != null) {
            ObjectNode data = root.putObject("data");
            data.put("source", mf.data().source());
            data.put("fingerprint", mf.data().fingerprint());
            data.put("size", mf.data().size());
            data.put("dimension", mf.data().dimension());
            ObjectNode cc = data.putObject("classCounts");
            mf.data().classCounts().forEach((k, v) -> cc.put(Integer.toString(k), v));
            if (!mf.data().classNames().isEmpty()) {
                ObjectNode names = data.putObject("classNames");
                mf.data().classNames().forEach((k, v) -> names.put(Integer.toString(k), v));
            }
            if (mf.data().imageShape() != null) {
                if (mf.data().imageShape().isEmpty()) {
                    data.putNull("imageShape");
                } else {
                    mf.data().imageShape().forEach(data.putArray("imageShape")::add);
                }
            }
            if (mf.data().hasSelection()) {
                DataSelection s = mf.data().selection();
                ObjectNode sel = data.putObject("selection");
                if (mf.data().path() == null) {
                    sel.putNull("path");
                } else {
                    sel.put("path", mf.data().path());
                }
                ArrayNode cl = sel.putArray("classes");
                s.classes().forEach(cl::add);
                sel.put("perClass", s.perClass());
                if (!s.classNames().isEmpty()) {
                    s.classNames().forEach(sel.putArray("classNames")::add);
                }
                if (s.allIfUnlabeled()) {
                    sel.put("allIfUnlabeled", true);
                }
                if (!s.options().isEmpty()) {
                    ObjectNode opts = sel.putObject("options");
                    s.options().forEach(opts::put);
                }
            }
        }
        return root;
    }

    /** A plugin's settings as an object of numbers; omitted when there are none (the plugin's defaults). */
    private static void putSettings(ObjectNode parent, String field, Settings s) {
        if (!s.isEmpty()) {
            ObjectNode o = parent.putObject(field);
            s.values().forEach(o::put);
        }
    }

    /** The settings object {@code field} of {@code parent}; {@link Settings#NONE} when absent. */
    private static Settings readSettings(Reader r, JsonNode parent, String where) {
        JsonNode o = parent.get(where.substring(where.lastIndexOf('.') + 1));
        if (o == null || o.isNull()) {
            return Settings.NONE;
        }
        if (!o.isObject()) {
            throw r.bad(where, "an object of numbers");
        }
        Map<String, Double> m = new TreeMap<>();
        var it = o.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isNumber()) {
                throw r.bad(where + "." + e.getKey(), "a number");
            }
            m.put(e.getKey(), e.getValue().asDouble());
        }
        return Settings.of(m);
    }

    static ObjectNode configJson(TrainingConfig c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("latent", c.latent().toString());
        o.put("normalization", c.normalization());
        o.put("score", c.score().label());
        o.put("visibleKernel", c.visibleKernel());
        o.put("gradient", c.gradient());
        o.put("optimizer", c.optimizer());
        o.put("learningRate", c.learningRate());
        ObjectNode os = o.putObject("optimizerSettings");
        c.optimizerSettings().forEach(os::put);
        putSettings(o, "gradientSettings", c.gradientSettings());
        putSettings(o, "visibleKernelSettings", c.visibleKernelSettings());
        o.put("epochs", c.epochs());
        o.put("stepsPerEpoch", c.stepsPerEpoch());
        o.put("batchMin", c.batchMin());
        o.put("batchMax", c.batchMax());
        o.put("chainSteps", c.chainSteps());
        o.put("chains", c.chains());
        o.put("seed", c.seed());
        o.put("initFraction", c.initFraction());
        o.put("initClip", c.initClip());
        o.put("centering", c.centering());
        o.put("model", c.model().label());
        return o;
    }

    /** Reads a model file, resolving its kernels through {@code plugins}. */
    public static ModelFile read(Path file, PluginCatalog plugins) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such model file");
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": not valid JSON at " + JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new UserError(file + ": not a readable JSON model file (" + e.getMessage().split("\n")[0] + ")");
        }
        Reader r = new Reader(file);
        if (root == null || !root.isObject()) {
            throw new UserError(file + ": not a JSON object");
        }
        String schema = r.text(root, "schema");
        if (!SCHEMA.equals(schema)) {
            throw new UserError(file + ": schema is '" + schema + "', expected '" + SCHEMA + "'");
        }
        int version = r.integer(root, "schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw new UserError(file + ": schemaVersion " + version + " is not supported (this nelc reads "
                    + SCHEMA_VERSION + ")");
        }
        JsonNode mj = r.object(root, "model");
        int d = r.integer(mj, "model.visibleSize");
        int l = r.integer(mj, "model.units");
        if (d < 1 || l < 1) {
            throw new UserError(file + ": model.visibleSize " + d + " / model.units " + l + " must be positive");
        }
        LatentEncoding encoding = plugins.required(Kind.ENCODING, r.text(mj, "model.encoding"), LatentEncoding.class,
                file + ": model.encoding");
        LatentKernel latent;
        try {
            latent = PluginCatalog.create(encoding, l, r.text(mj, "model.normalization"), file + ": model.normalization");
        } catch (UserError e) {
            // an encoding names its flag ("--latent bits:40: …"); the value is the file's model.units
            throw e.getMessage().startsWith("--latent ")
                    ? new UserError(file + ": model.units: " + e.getMessage().substring("--latent ".length()), e) : e;
        }
        double[] centering = r.doubles(root, "centering", d);
        VisibleKernel visible = plugins.required(Kind.VISIBLE_KERNEL, r.text(mj, "model.visibleKernel"),
                VisibleKernel.class, file + ": model.visibleKernel").configure(readSettings(r, mj, "model.visibleKernelSettings"));
        Model model = new Model(d, latent, visible, centering);
        JsonNode pj = r.object(root, "parameters");
        int[] sizes = model.blockSizes();
        for (int b = 0; b < 4; b++) {
            String field = "parameters." + Model.BLOCKS[b];
            double[] v = r.doubles(pj, field, sizes[b]);
            for (int i = 0; i < v.length; i++) {
                if (Math.abs(v[i]) > MAX_ABS_PARAMETER) {
                    throw new UserError(file + ": " + field + "[" + i + "]: " + v[i] + " is beyond ±1e6"
                            + " (a field that large makes every unit's probability 0 or 1 and the log-likelihood "
                            + "meaningless; no training produces it)");
                }
            }
            System.arraycopy(v, 0, model.blocks()[b], 0, sizes[b]);
        }
        TrainingConfig config = root.has("config") ? readConfig(r, root.get("config")) : null;
        DataInfo data = null;
        if (root.has("data")) {
            JsonNode dj = root.get("data");
            Map<Integer, Integer> cc = new TreeMap<>();
            JsonNode ccj = dj.get("classCounts");
            if (ccj != null) {
                ccj.fields().forEachRemaining(e -> cc.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
            }
            data = new DataInfo(r.text(dj, "data.source"), r.text(dj, "data.fingerprint"), r.integer(dj, "data.size"),
                    r.integer(dj, "data.dimension"), cc);
            JsonNode sel = dj.get("selection");
            if (sel != null && sel.isObject()) {
                List<Integer> classes = new ArrayList<>();
                for (JsonNode c : sel.path("classes")) {
                    classes.add(c.asInt());
                }
                List<String> classNames = new ArrayList<>();
                for (JsonNode c : sel.path("classNames")) {
                    classNames.add(c.asText());
                }
                Map<String, String> options = new TreeMap<>();
                sel.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
                JsonNode pth = sel.get("path");
                data = data.withSelection(pth == null || pth.isNull() ? null : pth.asText(), DataSelection.builder()
                        .classes(classes).classNames(classNames).perClass(Math.max(1, sel.path("perClass").asInt(1)))
                        .allIfUnlabeled(sel.path("allIfUnlabeled").asBoolean(false)).options(options).build());
            }
            Map<Integer, String> names = new TreeMap<>();
            dj.path("classNames").fields().forEachRemaining(e -> names.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            List<Integer> shape = null;
            if (dj.has("imageShape")) {
                shape = new ArrayList<>();
                for (JsonNode v : dj.get("imageShape")) {
                    shape.add(v.asInt());
                }
                if (!shape.isEmpty() && (shape.size() != 2 || (long) shape.get(0) * shape.get(1) != d)) {
                    throw new UserError(file + ": data.imageShape " + shape + " does not hold " + d + " pixels");
                }
            }
            data = data.withLayout(shape, names);
            if (data.dimension() != d) {
                throw new UserError(file + ": data.dimension " + data.dimension() + " != model.visibleSize " + d);
            }
        }
        List<byte[]> vis = new ArrayList<>();
        List<byte[]> rng = new ArrayList<>();
        JsonNode cj = root.get("chain");
        if (cj != null) {
            // every writer saves K >= 1 chains, each with its stream: anything else is a damaged or hand-edited file
            JsonNode vj = r.field(cj, "chain.visible");
            JsonNode rj = r.field(cj, "chain.rngState");
            if (!vj.isArray() || vj.isEmpty()) {
                throw new UserError(file + ": chain.visible: expected a non-empty list (one state per chain), got "
                        + brief(vj));
            }
            if (!rj.isArray() || rj.size() != vj.size()) {
                throw new UserError(file + ": chain.rngState: expected " + vj.size() + " states (one per chain.visible "
                        + "entry), got " + brief(rj));
            }
            int k = 0;
            for (JsonNode s : vj) {
                String t = s.asText();
                if (!s.isTextual() || t.length() != d || !t.matches("[01]*")) {
                    throw new UserError(file + ": chain.visible[" + k + "]: expected " + d + " characters of 0/1, got "
                            + brief(s));
                }
                byte[] x = new byte[d];
                for (int i = 0; i < d; i++) {
                    x[i] = (byte) (t.charAt(i) - '0');
                }
                vis.add(x);
                k++;
            }
            k = 0;
            for (JsonNode s : rj) {
                byte[] state;
                try {
                    state = Base64.getDecoder().decode(s.asText());
                } catch (IllegalArgumentException e) {
                    throw new UserError(file + ": chain.rngState[" + k + "]: not base64: " + brief(s));
                }
                if (!s.isTextual() || state.length != RNG_STATE_BYTES) {
                    throw new UserError(file + ": chain.rngState[" + k + "]: a " + state.length + "-byte state, expected "
                            + RNG_STATE_BYTES + " bytes (a saved XoShiRo256++ stream)");
                }
                rng.add(state);
                k++;
            }
        }
        List<double[]> opt = new ArrayList<>();
        JsonNode oj = root.get("optimizerState");
        if (oj != null) {
            int k = 0;
            for (JsonNode a : oj) {
                opt.add(r.doubles(a, "optimizerState[" + k++ + "]", -1));
            }
        }
        Map<String, Object> training = new LinkedHashMap<>();
        if (root.has("training")) {
            training = JSON.convertValue(root.get("training"), LinkedHashMap.class);
        }
        return ModelFile.builder().model(model).config(config).data(data).chainVisible(vis.toArray(new byte[0][]))
                .chainRngStates(rng.toArray(new byte[0][])).optimizerState(opt.toArray(new double[0][]))
                .training(training).nelcVersion(root.path("nelcVersion").asText("unknown")).build();
    }

    private static TrainingConfig readConfig(Reader r, JsonNode c) {
        try {
            return readConfigFields(r, c);
        } catch (UserError e) {
            // the validation names flags (what a user types); here the value came from the file
            if (e.getMessage().startsWith("--")) {
                throw ConfigFields.renamed(r.file, e);
            }
            throw e;
        }
    }

    private static TrainingConfig readConfigFields(Reader r, JsonNode c) {
        Map<String, Double> os = new TreeMap<>();
        JsonNode osj = c.get("optimizerSettings");
        if (osj != null) {
            osj.fields().forEachRemaining(e -> os.put(e.getKey(), e.getValue().asDouble()));
        }
        JsonNode norm = c.get("normalization");
        return TrainingConfig.builder()
                .latent(LatentSpec.parse(r.text(c, "config.latent")))
                .normalization(norm == null || norm.isNull() ? null : norm.asText())
                .score(ScoreFactor.parse(r.text(c, "config.score")))
                .visibleKernel(r.text(c, "config.visibleKernel"))
                .gradient(r.text(c, "config.gradient"))
                .optimizer(r.text(c, "config.optimizer"))
                .learningRate(r.number(c, "config.learningRate"))
                .optimizerSettings(os)
                .gradientSettings(readSettings(r, c, "config.gradientSettings"))
                .visibleKernelSettings(readSettings(r, c, "config.visibleKernelSettings"))
                .epochs(r.integer(c, "config.epochs"))
                .stepsPerEpoch(r.integer(c, "config.stepsPerEpoch"))
                .batch(r.integer(c, "config.batchMin"), r.integer(c, "config.batchMax"))
                .chainSteps(r.integer(c, "config.chainSteps"))
                .chains(r.integer(c, "config.chains"))
                .seed(c.path("seed").asLong())
                .initFraction(r.number(c, "config.initFraction"))
                .initClip(r.number(c, "config.initClip"))
                .centering(c.path("centering").asBoolean(true))
                .model(ModelKind.parse(c.path("model").asText(ModelKind.NEQ.label())))
                .build();
    }

    /** Restores a chain's random stream from a saved state. */
    public static void restore(RestorableUniformRandomProvider rng, byte[] state) {
        rng.restoreState(new RandomProviderDefaultState(state));
    }

    /** Field access with messages that name the file and the field. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        private JsonNode field(JsonNode parent, String path) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                throw new UserError(file + ": missing field '" + path + "'");
            }
            return v;
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isObject()) {
                throw new UserError(file + ": field '" + path + "' must be an object");
            }
            return v;
        }

        UserError bad(String path, String expected) {
            return new UserError(file + ": field '" + path + "' must be " + expected);
        }

        String text(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isTextual()) {
                throw new UserError(file + ": field '" + path + "' must be a string, got " + v);
            }
            return v.asText();
        }

        int integer(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new UserError(file + ": field '" + path + "' must be an integer, got " + v);
            }
            return v.asInt();
        }

        double number(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new UserError(file + ": field '" + path + "' must be a finite number, got " + v);
            }
            return v.asDouble();
        }

        /** A numeric array of length {@code n} (any length when n < 0), every entry finite. */
        double[] doubles(JsonNode parent, String path, int n) {
            JsonNode v = parent.isArray() && n < 0 ? parent : field(parent, path);
            if (!v.isArray()) {
                throw new UserError(file + ": field '" + path + "' must be an array of numbers");
            }
            if (n >= 0 && v.size() != n) {
                throw new UserError(file + ": field '" + path + "' has " + v.size() + " values, expected " + n);
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = v.get(i);
                if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                    throw new UserError(file + ": " + path + "[" + i + "] is not a finite number: " + e);
                }
                out[i] = e.asDouble();
            }
            return out;
        }
    }
}

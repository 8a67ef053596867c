package org.nelc.app.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;

/**
 * {@code DIR/nelc-run.json} (schema {@value #SCHEMA}): what made a run directory — the command, its command
 * line, its settings (every option that decides the results, with its value, defaults included), the data's
 * source and fingerprint, the nelc version, the host, and when. {@link #difference} compares two manifests'
 * settings; time, host and command line are informational.
 *
 * @param settings option name → value as text, in the command's order
 */
public record RunManifest(String schema, int schemaVersion, String nelcVersion, String command, String commandLine,
        Map<String, String> settings, String dataSource, String dataFingerprint, String host, String written) {
    public static final String FILE = "nelc-run.json";
    public static final String SCHEMA = "nelc-run";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunManifest {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The first difference of settings between this manifest (found in a directory) and {@code now}, as
     * {@code --epochs: 120 there, 60 now}; empty when they agree. A different command or data count as a
     * setting.
     */
    public Optional<String> difference(RunManifest now) {
        if (!command.equals(now.command)) {
            return Optional.of("made by nelc " + command + ", not " + now.command);
        }
        if (dataFingerprint != null && now.dataFingerprint != null && !dataFingerprint.equals(now.dataFingerprint)) {
            return Optional.of("data: " + dataSource + " (fingerprint " + dataFingerprint + ") there, "
                    + now.dataSource + " (fingerprint " + now.dataFingerprint + ") now");
        }
        for (Map.Entry<String, String> e : now.settings.entrySet()) {
            String old = settings.get(e.getKey());
            if (settings.containsKey(e.getKey()) && !Objects.equals(old, e.getValue())) {
                return Optional.of(e.getKey() + ": " + old + " there, " + e.getValue() + " now");
            }
        }
        for (String k : settings.keySet()) {
            if (!now.settings.containsKey(k)) {
                return Optional.of(k + ": " + settings.get(k) + " there, not given now");
            }
        }
        for (String k : now.settings.keySet()) {
            if (!settings.containsKey(k)) {
                return Optional.of(k + ": not given there, " + now.settings.get(k) + " now");
            }
        }
        return Optional.empty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code DIR/nelc-run.json} atomically. */
    public void writeInto(Path dir) {
        AtomicFiles.writeString(dir.resolve(FILE), toJson());
    }

    /** The manifest in {@code dir}, if any; a file that is not one is a one-line error naming it. */
    public static Optional<RunManifest> read(Path dir) {
        Path f = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UserError("cannot read " + f + ": " + AtomicFiles.reason(e));
        }
        try {
            RunManifest m = JSON.readValue(text, RunManifest.class);
            if (!SCHEMA.equals(m.schema()) || m.command() == null) {
                throw new UserError(f + ": not a nelc run manifest (schema '" + m.schema() + "', expected '" + SCHEMA
                        + "'); move it away");
            }
            return Optional.of(m);
        } catch (JsonProcessingException e) {
            throw new UserError(f + ": not a nelc run manifest (" + e.getOriginalMessage() + "); move it away");
        }
    }
}

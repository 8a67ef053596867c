package org.nelc.app.rundir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;

/**
 * Which {@code evaluation.json} belongs to which model. An evaluation records the fingerprint of the model
 * file it evaluated ({@code sha256:} of its bytes, {@link Evaluation#modelFingerprint}) and its settings
 * (seed, chain length, burn-in, Rao-Blackwell draws, precision, data fingerprint). Readers ({@code show},
 * {@code export}, {@code reproduce} reusing a model's evaluation) use an evaluation only for its own model:
 * named explicitly, another model's is refused; found beside the model, it is skipped with a note.
 */
public final class ModelEvaluations {
    public static final String FILE = "evaluation.json";

    private ModelEvaluations() {
    }

    /** {@code sha256:<hex>} of the file's bytes. */
    public static String fingerprint(Path file) {
        try {
            return fingerprint(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + AtomicFiles.reason(e));
        }
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String fingerprint(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Why {@code e} is not the evaluation of the model whose file has {@code modelFingerprint}; empty if it is. */
    public static Optional<String> foreign(Evaluation e, String modelFingerprint) {
        if (e.modelFingerprint() == null) {
            return Optional.of("it records no model fingerprint (written by an older nelc)");
        }
        if (!e.modelFingerprint().equals(modelFingerprint)) {
            return Optional.of("it is the evaluation of another model (" + shortly(e.modelFingerprint())
                    + ", this model file is " + shortly(modelFingerprint) + ")");
        }
        return Optional.empty();
    }

    /**
     * The first setting in which {@code e} differs from {@code options} on data {@code dataFingerprint}, as
     * {@code --chain-length: 100000 there, 100 now}; empty when none does.
     */
    public static Optional<String> settingsDifference(Evaluation e, EvaluationOptions options, String dataFingerprint) {
        if (e.seed() != options.seed()) {
            return Optional.of("--seed: " + e.seed() + " there, " + options.seed() + " now");
        }
        if (e.chainLength() != options.chainLength()) {
            return Optional.of("--chain-length: " + e.chainLength() + " there, " + options.chainLength() + " now");
        }
        if (e.burnIn() != options.burnIn()) {
            return Optional.of("--burn-in: " + e.burnIn() + " there, " + options.burnIn() + " now");
        }
        if (e.rbSamples() != options.rbSamples()) {
            return Optional.of("--rb-samples: " + e.rbSamples() + " there, " + options.rbSamples() + " now");
        }
        if (Double.compare(e.precision(), options.precision()) != 0) {
            return Optional.of(String.format(Locale.ROOT, "--precision: %s there, %s now", e.precision(),
                    options.precision()));
        }
        if (e.data() == null || !dataFingerprint.equals(e.data().fingerprint())) {
            return Optional.of("data: " + (e.data() == null ? "unknown" : e.data().source() + " (fingerprint "
                    + e.data().fingerprint() + ")") + " there, fingerprint " + dataFingerprint + " now");
        }
        return Optional.empty();
    }

    /**
     * The evaluation a reader of {@code model} uses: {@code explicit} when given (refused, one line, when it is
     * another model's), else {@code evaluation.json} beside the model when it is this model's (else a note on
     * {@code err} ending with {@code otherwise}, what the reader does instead, and none). Null when there is
     * none to use.
     */
    public static Evaluation forReader(Path model, Path explicit, PrintWriter err, String otherwise) {
        Path beside = model.toAbsolutePath().resolveSibling(FILE);
        Path f = explicit != null ? explicit : Files.isRegularFile(beside) ? beside : null;
        if (f == null) {
            return null;
        }
        Evaluation e = read(f);
        Optional<String> why = foreign(e, fingerprint(model));
        if (why.isEmpty()) {
            return e;
        }
        if (e.modelFingerprint() == null) {
            // files of an older nelc: usable, but say that nothing could be checked
            err.println("nelc: note: " + f + ": " + why.get() + "; using it for " + model + " unchecked");
            err.flush();
            return e;
        }
        if (explicit != null) {
            throw new UserError(f + ": not used for " + model + ": " + why.get() + "; evaluate this model (nelc "
                    + "evaluate " + model + ")");
        }
        err.println("nelc: note: " + f + " not used: " + why.get() + "; evaluating afresh");
        err.flush();
        return null;
    }

    /** Reads an evaluation file; each failure is one line naming it. */
    public static Evaluation read(Path f) {
        try {
            return Evaluation.fromJson(Files.readString(f));
        } catch (IOException e) {
            throw new UserError("cannot read " + f + ": " + AtomicFiles.reason(e));
        } catch (UserError e) {
            throw new UserError(f + ": " + e.getMessage());
        }
    }

    private static String shortly(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }
}

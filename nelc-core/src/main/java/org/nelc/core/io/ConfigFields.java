package org.nelc.core.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nelc.api.UserError;

/**
 * The fields of a model file's {@code config} object under the names of the flags that set them. The
 * configuration is validated in one place ({@code TrainingConfig}, {@code LatentSpec}, …) whose messages
 * name flags, because that is what a user types; read back from a file, the same message names the file
 * and the field instead ({@code model.json: config.learningRate: …}), never a flag the user did not type.
 */
final class ConfigFields {
    /** Longest names first, so that {@code --batch (first size)} is not read as {@code --batch}. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("--latent", "config.latent"),
            Map.entry("--normalization", "config.normalization"),
            Map.entry("--score", "config.score"),
            Map.entry("--visible-kernel", "config.visibleKernel"),
            Map.entry("--gradient", "config.gradient"),
            Map.entry("--optimizer", "config.optimizer"),
            Map.entry("--lr", "config.learningRate"),
            Map.entry("--epochs", "config.epochs"),
            Map.entry("--steps-per-epoch", "config.stepsPerEpoch"),
            Map.entry("--batch (first size)", "config.batchMin"),
            Map.entry("--batch (last size)", "config.batchMax"),
            Map.entry("--batch", "config.batchMin/batchMax"),
            Map.entry("--chain-steps", "config.chainSteps"),
            Map.entry("--chains", "config.chains"),
            Map.entry("--seed", "config.seed"),
            Map.entry("--init-fraction", "config.initFraction"),
            Map.entry("--init-clip", "config.initClip"),
            Map.entry("--model", "config.model"));
    private static final Pattern FLAG = Pattern.compile(FIELDS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
            .reduce((a, b) -> a + "|" + b).orElseThrow() + "(?![\\w-])");

    private ConfigFields() {
    }

    /** {@code e}'s message with every flag replaced by its config field, as an error about {@code file}. */
    static UserError renamed(Path file, UserError e) {
        Matcher m = FLAG.matcher(e.getMessage());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(FIELDS.get(m.group())));
        }
        m.appendTail(sb);
        return new UserError(file + ": " + sb, e);
    }
}

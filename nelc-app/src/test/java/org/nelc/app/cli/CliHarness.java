package org.nelc.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.nelc.data.synthetic.PrototypeTeacher;

/** Runs the CLI in-process and captures what it prints. */
final class CliHarness {
    private CliHarness() {
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Checks a refusal: exit 2 and one line on stderr (two for a usage error: picocli's line and the
     * "(see: nelc … --help)" hint) containing every one of {@code parts}, no stack trace; returns stderr.
     */
    static String refused(Result r, String... parts) {
        org.junit.jupiter.api.Assertions.assertEquals(2, r.code(), r.toString());
        String err = r.err().strip();
        long lines = err.lines().filter(l -> !l.startsWith("(see: nelc ")).count();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines, r.toString());
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat ") || err.contains("Exception"), r.toString());
        for (String p : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
        return err;
    }

    /** A small labelled dataset in the 0/1 text format: 3 prototypes, D = 36, 100 rows each. */
    static Path syntheticData(Path dir) {
        Path f = dir.resolve("synthetic.txt");
        new PrototypeTeacher(3, 36, 0.1, 42).writeText(f, 100);
        return f;
    }

    /** Training flags for a run of a fraction of a second on {@link #syntheticData}; {@code extra} as in {@link #overriding}. */
    static String[] quickTrain(Path data, Path out, String... extra) {
        return overriding(java.util.List.of("train", "--data", data.toString(), "--per-class", "100", "--epochs", "4",
                "--steps-per-epoch", "10", "--batch", "8:32", "--chain-steps", "12", "--latent", "one-hot:3", "--quiet",
                "--out", out.toString()), extra);
    }

    /**
     * {@code base} with {@code extra}: a flag of {@code base} given again in {@code extra} takes its new
     * value (a repeated single-valued option is refused), other arguments are added.
     */
    static String[] overriding(java.util.List<String> base, String... extra) {
        java.util.List<String> all = new java.util.ArrayList<>(base);
        for (int i = 0; i < extra.length; i++) {
            int at = base.indexOf(extra[i]);
            boolean valued = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            if (at > 0 && extra[i].startsWith("--") && valued && at + 1 < base.size()
                    && !base.get(at + 1).startsWith("--")) {
                all.set(at + 1, extra[++i]);
            } else {
                all.add(extra[i]);
            }
        }
        return all.toArray(new String[0]);
    }
}

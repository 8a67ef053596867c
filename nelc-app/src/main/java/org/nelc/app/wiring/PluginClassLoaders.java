package org.nelc.app.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nelc.api.UserError;

/**
 * The class loader that sees third-party plugins: every {@code *.jar} in {@code $NELC_HOME/plugins}
 * (default {@code ~/.cache/nelc/plugins}) and in each {@code --plugins DIR}, on top of the
 * application's own class path. A plugin jar holds its classes and a
 * {@code META-INF/services/<SPI>} file; nothing is rebuilt.
 */
public final class PluginClassLoaders {
    private PluginClassLoaders() {
    }

    /** {@code $NELC_HOME} or {@code ~/.cache/nelc}. */
    public static Path home() {
        String env = System.getenv("NELC_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "nelc");
    }

    /** The jars of the default plugin directory (if it exists) and of the given directories (which must). */
    public static List<Path> jars(List<Path> explicitDirs) {
        List<Path> jars = new ArrayList<>();
        Path defaultDir = home().resolve("plugins");
        if (Files.isDirectory(defaultDir)) {
            jars.addAll(jarsIn(defaultDir));
        }
        for (Path dir : explicitDirs) {
            if (!Files.isDirectory(dir)) {
                throw new UserError("--plugins: " + dir + " is not a directory");
            }
            jars.addAll(jarsIn(dir));
        }
        return jars;
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClassLoader create(List<Path> explicitDirs, ClassLoader parent) {
        List<Path> jars = jars(explicitDirs);
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UserError("--plugins: cannot read " + jars.get(i) + ": " + e.getMessage());
            }
        }
        return new URLClassLoader("nelc-plugins", urls, parent);
    }
}

package org.nelc.app.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nelc.api.UserError;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.plugin.PluginLoader;

/**
 * Where third-party plugins come from: every {@code *.jar} in {@code $NELC_HOME/plugins} (default
 * {@code ~/.cache/nelc/plugins}), then in each {@code --plugins DIR} in the order given, loaded on top
 * of the application's own class path (built-ins first: see {@link PluginLoader} for precedence). A
 * plugin jar holds its classes and a {@code META-INF/services/<SPI>} file; nothing is rebuilt.
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

    /** The {@code *.jar} files of {@code dir}, in file-name order (which is the precedence among them). */
    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UserError("--plugins: cannot list " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Every plugin of the application's class path ({@code parent}) and of the plugin jars: a broken jar
     * or provider is in {@link PluginCatalog#broken()}, never thrown.
     */
    public static PluginCatalog catalog(List<Path> explicitDirs, ClassLoader parent) {
        return PluginLoader.load(parent, jars(explicitDirs));
    }
}

package org.nelc.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.nelc.core.plugin.PluginCatalog;

/**
 * Guice modules contributed by plugin jars: a jar lists its {@link Module} classes in {@code
 * META-INF/services/com.google.inject.Module}, found by {@link ServiceLoader} on the plugin class loader.
 *
 * <p><b>Precedence</b> (later wins, binding by binding): the built-in {@link NelcModule}; then each plugin
 * module in the order the class loader finds them — {@code $NELC_HOME/plugins} before {@code --plugins}
 * directories in the order given, jars of a directory by name; then explicit overrides (tests). A plugin
 * module may add bindings or replace built-in ones (e.g. {@link NelcModule#EVALUATION_DIAGNOSTICS}).
 *
 * <p>A plugin is a guest: a module that cannot be loaded or instantiated, or whose bindings do not build
 * on top of the built-in ones, is left out and named in one line ({@link #problems}); the others still
 * apply.
 */
public final class PluginModules {
    private final List<Module> modules = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private PluginModules() {
    }

    /** The modules of the plugins on {@code catalog}'s class loader, each checked against {@code builtIn}. */
    public static PluginModules discover(PluginCatalog catalog, Module builtIn) {
        PluginModules found = new PluginModules();
        Iterator<Module> it = ServiceLoader.load(Module.class, catalog.classLoader()).iterator();
        while (true) {
            Module m;
            try {
                if (!it.hasNext()) {
                    break;
                }
                m = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                found.problems.add("Guice module: " + oneLine(e));
                continue;
            }
            try {
                // built alone over the built-in bindings, so a broken module is named and left out
                Guice.createInjector(Stage.TOOL, Modules.override(builtIn).with(m));
                found.modules.add(m);
            } catch (RuntimeException | LinkageError e) {
                found.problems.add("Guice module " + m.getClass().getName() + " (" + origin(m.getClass()) + "): "
                        + oneLine(e));
            }
        }
        return found;
    }

    /** {@code builtIn}, overridden by each plugin module in turn, then by {@code overrides}. */
    public Module over(Module builtIn, List<Module> overrides) {
        Module result = builtIn;
        for (Module m : modules) {
            result = Modules.override(result).with(m);
        }
        for (Module m : overrides) {
            result = Modules.override(result).with(m);
        }
        return result;
    }

    public List<Module> modules() {
        return List.copyOf(modules);
    }

    /** One line per module left out. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The jar (file name) a class came from. */
    static String origin(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "built-in";
        }
        String path = source.getLocation().getPath();
        return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    }

    /** The innermost cause's message, on one line (Guice's own messages span many). */
    private static String oneLine(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
        if (c != e && c.getMessage() != null) {
            m = c.getClass().getSimpleName() + ": " + m;
        }
        return m.replaceAll("\\s+", " ").strip();
    }
}

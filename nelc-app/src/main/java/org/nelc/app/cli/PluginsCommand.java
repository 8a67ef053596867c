package org.nelc.app.cli;

import java.io.PrintWriter;
import org.nelc.core.plugin.BrokenPlugin;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.plugin.PluginCatalog.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every discovered implementation: kind, name, description and the jar it came from; "
            + "then every plugin that could not be loaded, one line each naming its jar, class and reason.",
            "Jars are read from $NELC_HOME/plugins and each --plugins DIR (see docs/plugins.md)."})
public final class PluginsCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Override
    public void run() {
        PluginCatalog plugins = root.quietContext().plugins();
        PrintWriter out = root.spec.commandLine().getOut();
        out.printf("%-15s %-20s %-40s %s%n", "KIND", "NAME", "FROM", "DESCRIPTION");
        for (Kind kind : Kind.values()) {
            for (var e : plugins.all(kind).entrySet()) {
                out.printf("%-15s %-20s %-40s %s%n", kind.label(), e.getKey(), plugins.origin(e.getValue()),
                        e.getValue().description());
            }
        }
        if (!plugins.broken().isEmpty()) {
            out.printf("%nBROKEN (not loaded; other plugins and commands work without them)%n");
            for (BrokenPlugin b : plugins.broken()) {
                out.println("broken: " + b.line());
                if (root.debug && b.cause() != null) {
                    b.cause().printStackTrace(root.spec.commandLine().getErr());
                }
            }
        }
    }
}

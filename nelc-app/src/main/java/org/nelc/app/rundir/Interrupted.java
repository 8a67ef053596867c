package org.nelc.app.rundir;

/**
 * What a long command does when INT or TERM stops it: a JVM shutdown hook, registered while the command
 * works ({@link #on}, removed by {@link Hook#close} when it ends normally), whose action keeps what can be
 * kept and prints one line ({@link #say}): {@code nelc: interrupted; <what was kept>; <how to continue>}.
 */
public final class Interrupted {
    private Interrupted() {
    }

    /** A registered hook; closing it (the command ended) unregisters it. */
    public static final class Hook implements AutoCloseable {
        private final Thread thread;

        private Hook(Thread thread) {
            this.thread = thread;
        }

        /** Unregisters the hook; false when the JVM is already shutting down (then the hook runs). */
        public boolean release() {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
                return true;
            } catch (IllegalStateException shuttingDown) {
                return false;
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    /** Runs {@code action} if the JVM is stopped (INT, TERM) before the returned hook is closed. */
    public static Hook on(Runnable action) {
        Thread t = new Thread(action, "nelc-interrupted");
        Runtime.getRuntime().addShutdownHook(t);
        return new Hook(t);
    }

    /** Prints {@code nelc: interrupted; what} on stderr (after a line break: a progress bar may be showing). */
    public static void say(String what) {
        System.err.println();
        System.err.println("nelc: interrupted; " + what);
        System.err.flush();
    }
}

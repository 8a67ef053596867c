package org.nelc.api;

/**
 * A problem with what the user supplied (a flag value, a file, a model): its message names the
 * flag or file and the offending value, and the CLI prints it without a stack trace and exits
 * with code 2. Anything else that escapes is a bug.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.nelc.app.report;

/**
 * How the run was made, for the report's header.
 *
 * @param command the command line
 * @param threads worker threads
 * @param data what data was used (source, classes, size)
 * @param wallSeconds wall time of this invocation, all ensembles
 */
public record RunInfo(String command, int threads, String data, double wallSeconds) {
}

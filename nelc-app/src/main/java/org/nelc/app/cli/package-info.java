/**
 * The command line ({@code nelc}, picocli): one class per command, each parsing its flags, calling the
 * modules below and printing; bad input is a one-line message and exit code 2.
 */
package org.nelc.app.cli;

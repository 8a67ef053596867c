/**
 * A plain-text format for small binary datasets: one row of {@code 0}/{@code 1} characters per
 * line, optionally preceded by a class label and a TAB; read by
 * {@link org.nelc.data.text.TextDataSource}, written by {@link org.nelc.data.text.TextDataWriter}.
 */
package org.nelc.data.text;

/**
 * What {@code nelc reproduce} makes of an ensemble: the claim checks of docs/model.md §9 with verdicts computed
 * from the numbers ({@link org.nelc.app.report.ClaimChecker}, regimes by clustering in
 * {@link org.nelc.app.report.Regimes}), the paper's figures for our runs (XChart plots and java.awt
 * image grids, rendered headless), {@code summary.csv}/{@code summary.json}, and the self-contained
 * {@code report.html}.
 */
package org.nelc.app.report;

package org.nelc.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.baseline.ExactLikelihoodDiagnostic;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.LogLikelihoodResult;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.app.report.MeasurementText;

/**
 * The readable table {@code nelc evaluate} prints: the evaluation's set-up, then every diagnostic's result
 * as it came (built-in or plugin): each measurement with its error, unit and note, or why there is none.
 */
final class EvaluationTable {
    private EvaluationTable() {
    }

    static String render(Evaluation e, Double onTheFly) {
        StringBuilder sb = new StringBuilder();
        row(sb, "data", e.data().source() + " (" + e.data().size() + " rows)");
        row(sb, "model", e.model().encoding() + ":" + e.model().units() + " " + e.model().normalization() + ", D="
                + e.model().visibleSize() + ", " + e.model().states() + " latent states");
        row(sb, "chain", String.format(Locale.ROOT, "%,d double steps after %,d burn-in, seed %d, from %s",
                e.chainLength(), e.burnIn(), e.seed(), e.initialState()));
        if (onTheFly != null) {
            row(sb, "log-likelihood (on the fly)", String.format(Locale.ROOT, "%.3f nats/image (last epoch of training)",
                    onTheFly));
        }
        boolean unknown = false;
        DiagnosticResult exact = e.result(ExactLikelihoodDiagnostic.NAME);
        boolean hasExact = exact != null && exact.status() == DiagnosticResult.Status.OK;
        for (DiagnosticResult d : e.diagnostics()) {
            sb.append(String.format(Locale.ROOT, "%n  %s%n", d.diagnostic()));
            if (d.status() != DiagnosticResult.Status.OK) {
                row(sb, "", (d.status() == DiagnosticResult.Status.FAILED ? "FAILED: " : "not available: ")
                        + d.message());
                continue;
            }
            for (Measurement m : d.measurements()) {
                if (hasExact && d.diagnostic().equals(LogLikelihoodResult.NAME)
                        && m.key().equals(LogLikelihoodResult.PRECISE)) {
                    // the model has an exact LL (exact-likelihood): the chain's estimate is only a mixing check
                    m = m.withDescription("LL from the chain (a mixing check)").withNote(String.format(Locale.ROOT,
                            "%+.3f vs the exact LL", m.value() - exact.number(ExactLikelihoodDiagnostic.LOG_LIKELIHOOD)));
                }
                String v = MeasurementText.valueWithError(m);
                unknown |= v.endsWith("± ?");
                row(sb, "  " + m.description(), v + (m.unit().isEmpty() ? "" : " " + m.unit())
                        + (m.note().isEmpty() ? "" : "   (" + m.note() + ")"));
            }
        }
        sb.append('\n');
        List<String> occ = new ArrayList<>();
        double[] p = e.occupancy();
        int shown = Math.min(p.length, 16);
        for (int z = 0; z < shown; z++) {
            occ.add(String.format(Locale.ROOT, "%.3f", p[z]));
        }
        row(sb, "occupancy p̄", String.join(" ", occ) + (p.length > shown ? " … (" + p.length + " states)" : ""));
        List<Cycle> cycles = ModelSummary.of(e.seed(), e, List.of(), Double.NaN).cycles();
        if (cycles.isEmpty()) {
            row(sb, "cycles (RB)", "none");
        }
        for (int k = 0; k < Math.min(cycles.size(), 5); k++) {
            Cycle cy = cycles.get(k);
            StringBuilder path = new StringBuilder();
            for (int j = 0; j < cy.states().length; j++) {
                path.append(cy.states()[j]);
                if (cy.classes()[j] >= 0) {
                    path.append("[").append(cy.classes()[j]).append("]");
                }
                path.append(" → ");
            }
            path.append(cy.states()[0]);
            row(sb, k == 0 ? "cycles (RB) state[class]" : "", path + String.format(Locale.ROOT, "   flux %.4f", cy.flux()));
        }
        row(sb, "time", String.format(Locale.ROOT, "%.2f s", e.timings().total()));
        if (unknown) {
            row(sb, "", MeasurementText.UNKNOWN_ERROR + "; methods in evaluation.json");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append(String.format(Locale.ROOT, "  %-28s %s%n", k, v));
    }

}

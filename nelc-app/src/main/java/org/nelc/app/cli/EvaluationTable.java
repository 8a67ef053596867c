package org.nelc.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.baseline.ExactLikelihoodDiagnostic;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MatrixSummary;
import org.nelc.api.diagnostic.DiagnosticResult;

/** The readable table {@code nelc evaluate} prints. */
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
        DiagnosticResult exact = e.diagnostics().get(ExactLikelihoodDiagnostic.NAME);
        String chain = String.format(Locale.ROOT, "%.3f ± %.3f nats/image", e.logLikelihood(),
                e.logLikelihoodStandardError());
        if (exact != null && exact.status() == DiagnosticResult.Status.OK) {
            // the model has an exact LL: the chain's occupancy estimate is shown only as a check of mixing
            double ll = exact.number(ExactLikelihoodDiagnostic.LOG_LIKELIHOOD);
            row(sb, "log-likelihood (exact)", String.format(Locale.ROOT, "%.3f nats/image (± %.3f over images; %s)", ll,
                    ((Number) exact.details().get("standardErrorOverRows")).doubleValue(),
                    exact.details().get("method")));
            row(sb, "LL from the chain", chain + String.format(Locale.ROOT, " (%+.3f vs exact; mixing check)",
                    e.logLikelihood() - ll));
            row(sb, "mixing check", String.valueOf(exact.details().get("verdict")));
        } else {
            row(sb, "log-likelihood (precise)", chain);
            if (exact != null) {
                row(sb, "log-likelihood (exact)", exact.message());
            }
        }
        if (onTheFly != null) {
            row(sb, "log-likelihood (on the fly)", String.format(Locale.ROOT, "%.3f nats/image (last epoch of training)",
                    onTheFly));
        }
        sb.append(String.format(Locale.ROOT, "%n  %-28s %18s %18s%n", "latent dynamics", "counts", "Rao-Blackwell"));
        MatrixSummary c = e.count();
        MatrixSummary r = e.raoBlackwell();
        pair(sb, "entropy production σ", fmt(c.sigma()) + " (" + c.oneWayPairs() + " 1-way)", fmt(r.sigma()));
        pair(sb, "decorrelation time τ", fmt(c.tau()), fmt(r.tau()));
        pair(sb, "|λ₂|", fmt(c.lambda2Abs()), fmt(r.lambda2Abs()));
        pair(sb, "Tr(M)/L  (1/L = " + fmt(c.selfTransitionBaseline()) + ")", fmt(c.selfTransition()),
                fmt(r.selfTransition()));
        pair(sb, "one clean cycle", c.cleanCycle() ? "yes" : "no", r.cleanCycle() ? "yes" : "no");
        sb.append('\n');
        if (e.classes().available()) {
            row(sb, "class KL (Eq. 22)", fmt(e.classes().kl()) + " nats"
                    + (e.classes().classesWithoutState().isEmpty() ? ""
                            : "  (no state for class " + e.classes().classesWithoutState() + ")"));
        } else {
            row(sb, "class KL (Eq. 22)", "not available: " + e.classes().reason());
        }
        List<String> occ = new ArrayList<>();
        double[] p = e.occupancy();
        int shown = Math.min(p.length, 16);
        for (int z = 0; z < shown; z++) {
            occ.add(String.format(Locale.ROOT, "%.3f", p[z]));
        }
        row(sb, "occupancy p̄", String.join(" ", occ) + (p.length > shown ? " … (" + p.length + " states)" : ""));
        List<Cycle> cycles = r.cycles();
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
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append(String.format(Locale.ROOT, "  %-28s %s%n", k, v));
    }

    private static void pair(StringBuilder sb, String k, String a, String b) {
        sb.append(String.format(Locale.ROOT, "  %-28s %18s %18s%n", k, a, b));
    }

    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}

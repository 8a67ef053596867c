package org.nelc.analysis.classes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;

/**
 * {@code class-kl}: KL of Eq. 22 with the SPEC §7 assignment, {@code p̄} = the trajectory's occupancy.
 * Keys: {@code available}; when false, {@code reason}; otherwise {@code kl} (nats, {@code Infinity} if a
 * class has no state), {@code finite}, {@code classesWithoutState}, {@code classes},
 * {@code dataFractions}, {@code modelFractions}, {@code stateClass}.
 */
public final class ClassKlDiagnostic implements Diagnostic {
    public static final String NAME = "class-kl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "KL between the data's class fractions and the occupancy of the states assigned to each class (Eq. 22)";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (!context.data().hasLabels()) {
            v.put("available", false);
            v.put("reason", "needs labels: the data has none");
            return new DiagnosticResult(NAME, v);
        }
        double[] pbar = context.transitions(CountEstimator.NAME).occupancy();
        ClassKl.Result r = ClassKl.of(ClassAssignment.of(context.model(), context.data(), pbar));
        v.put("available", true);
        v.put("kl", r.kl());
        v.put("finite", r.finite());
        v.put("classesWithoutState", r.classesWithoutState());
        v.put("classes", r.assignment().classes());
        v.put("dataFractions", r.assignment().dataFractions());
        v.put("modelFractions", r.assignment().modelFractions());
        v.put("stateClass", r.assignment().stateClass());
        v.put("weights", "occupancy");
        return new DiagnosticResult(NAME, v);
    }
}

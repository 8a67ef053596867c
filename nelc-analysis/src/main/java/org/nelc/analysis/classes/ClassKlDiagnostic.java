package org.nelc.analysis.classes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.model.ModelView;
import org.nelc.api.data.Dataset;

/**
 * {@code class-kl}: KL of Eq. 22 with the docs/model.md §7 assignment, {@code p̄} = the trajectory's occupancy;
 * not available without labels. Measurement {@code kl} (nats, {@code Infinity} if a class has no state,
 * which its note names). Details: {@code classesWithoutState}, {@code classes}, {@code dataFractions},
 * {@code modelFractions}, {@code stateClass}, {@code weights}.
 */
public final class ClassKlDiagnostic implements Diagnostic {
    public static final String NAME = "class-kl";
    public static final String KL = "kl";
    public static final String NO_LABELS = "needs labels: the data has none";

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
        if (!context.data().hasLabels()) {
            return DiagnosticResult.notAvailable(NAME, NO_LABELS);
        }
        ModelView model = context.model();
        Dataset data = context.data();
        ClassKl.Result r = of(model, data, context.transitions(CountEstimator.NAME).occupancy());
        // the assignment is redone on each replicate's occupancy: it is part of the estimate
        Measurement kl = context.measureOccupancy(KL, "class KL (Eq. 22)", "nats", p -> of(model, data, p).kl());
        return result(r, kl);
    }

    /**
     * The result for {@code r} with its measurement {@code kl} (the value {@code r.kl()}, its error as the
     * caller estimated it): the note on classes without a state, and the details every output reads.
     */
    public static DiagnosticResult result(ClassKl.Result r, Measurement kl) {
        if (!r.classesWithoutState().isEmpty()) {
            kl = kl.withNote("no state for class " + r.classesWithoutState());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("classesWithoutState", r.classesWithoutState());
        v.put("classes", r.assignment().classes());
        v.put("dataFractions", r.assignment().dataFractions());
        v.put("modelFractions", r.assignment().modelFractions());
        v.put("stateClass", r.assignment().stateClass());
        v.put("weights", "occupancy");
        return DiagnosticResult.of(NAME, List.of(kl), v);
    }

    private static ClassKl.Result of(ModelView model, Dataset data, double[] occupancy) {
        return ClassKl.of(ClassAssignment.of(model, data, occupancy));
    }
}

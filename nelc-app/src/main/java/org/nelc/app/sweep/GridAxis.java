package org.nelc.app.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.nelc.api.UserError;

/**
 * One axis of a sweep's grid, {@code --grid NAME=V1,V2,…}: a training flag (its long name without
 * dashes, {@link TrainingFlags}) and the values it takes. Values are separated by {@code ,}; for a
 * flag that itself takes a list or a map ({@code digits}, {@code optimizer-setting}) by {@code ;}
 * ({@code --grid digits=0,1;0,1,2}). The values here are as the user wrote them; the manifest holds
 * their canonical form.
 *
 * @param name the flag's long name without dashes
 * @param values the values, in the order given, at least one, no repeats
 */
public record GridAxis(String name, List<String> values) {
    public GridAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new UserError("--grid " + name + ": no values");
        }
    }

    /** Parses {@code NAME=V1,V2,…} (checks the name against the training flags). */
    public static GridAxis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UserError("--grid: expected NAME=V1,V2,... such as lr=0.03,0.1,0.3, got '" + text + "'");
        }
        String name = text.substring(0, eq).trim().replaceFirst("^--", "");
        TrainingFlags.checkAxisName(name);
        String sep = TrainingFlags.isCompound(name) ? ";" : ",";
        List<String> values = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String v : text.substring(eq + 1).split(sep, -1)) {
            String t = v.trim();
            if (t.isEmpty()) {
                throw new UserError("--grid " + name + ": empty value in '" + text + "'"
                        + (sep.equals(";") ? " (values of --" + name + " are separated by ';')" : ""));
            }
            if (!seen.add(t)) {
                throw new UserError("--grid " + name + ": value '" + t + "' is given twice");
            }
            values.add(t);
        }
        return new GridAxis(name, values);
    }
}

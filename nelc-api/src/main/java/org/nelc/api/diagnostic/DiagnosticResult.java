package org.nelc.api.diagnostic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named values a diagnostic computed, in the order it wants them shown. Values are numbers,
 * strings, arrays of numbers, lists or maps of those: anything Jackson writes as JSON.
 */
public record DiagnosticResult(String diagnostic, Map<String, Object> values) {
    public DiagnosticResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double number(String key) {
        Object v = values.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(diagnostic + ": no number '" + key + "' in " + values.keySet());
        }
        return n.doubleValue();
    }
}

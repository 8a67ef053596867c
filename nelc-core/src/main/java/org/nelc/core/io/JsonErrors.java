package org.nelc.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors as one line a user can act on: where (line and column) and what was expected,
 * without Jackson's {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); …]}
 * boilerplate or the multi-line excerpts some of its messages carry.
 */
public final class JsonErrors {
    /** A location inside a message: {@code [Source: …; line: 13, column: 14]}. */
    private static final Pattern INNER_LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*\\]");

    private JsonErrors() {
    }

    /**
     * {@code "line 20, column 1: unexpected end-of-input: expected close marker for Object (start marker at
     * line 13, column 14)"}.
     */
    public static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        m = m.lines().findFirst().orElse("").strip();
        m = INNER_LOCATION.matcher(m).replaceAll("line $1, column $2");
        m = SOURCE.matcher(m).replaceAll("").strip();
        if (!m.isEmpty()) {
            m = m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + m;
        }
        return m;
    }
}

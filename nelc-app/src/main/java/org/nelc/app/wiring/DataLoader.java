package org.nelc.app.wiring;

import java.nio.file.Path;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

/** How a command gets its data: {@code --data PATH} if given, else MNIST from the cache (fetched on first use). */
@FunctionalInterface
public interface DataLoader {
    Dataset load(Path data, DataSelection selection);
}

/** Model files: {@code model.json} written and read ({@link org.nelc.core.io.ModelIO}), atomically. */
package org.nelc.core.io;

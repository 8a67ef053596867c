/** Model files (model.json) and atomic writes. */
package org.nelc.core.io;

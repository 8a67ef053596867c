/** Progress shown on the terminal while long work runs. */
package org.nelc.app.progress;

/** Command-line option groups shared by several commands and by the sweeps (picocli mixins). */
package org.nelc.app.options;

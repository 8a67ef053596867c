/** Gradient estimators shipped with nelc (the paper's two-step approximation). */
package org.nelc.core.gradient;

/** Binary datasets, selections of rows and the loaders that produce them. */
package org.nelc.api.data;

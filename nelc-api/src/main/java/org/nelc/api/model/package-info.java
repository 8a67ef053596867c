/** Read-only view of a model's parameter blocks, with their layout. */
package org.nelc.api.model;

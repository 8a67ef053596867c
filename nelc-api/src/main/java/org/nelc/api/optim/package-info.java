/** The optimizer contract: gradient ascent steps on flat parameter blocks. */
package org.nelc.api.optim;

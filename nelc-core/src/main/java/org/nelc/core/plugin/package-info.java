/** Plugins by kind and name: the one place where names become implementations. */
package org.nelc.core.plugin;

/** Atomic, durable file replacement, shared by every module and open to plugins. */
package org.nelc.api.io;

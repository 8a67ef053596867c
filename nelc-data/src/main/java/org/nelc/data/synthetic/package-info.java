/**
 * Synthetic binary datasets made from a seed, for tests and miniature experiments where the
 * generating process is known: {@link org.nelc.data.synthetic.PrototypeTeacher} draws noisy copies of
 * a few random prototypes.
 */
package org.nelc.data.synthetic;

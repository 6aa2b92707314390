/** NumPy {@code .npy} / {@code .npz} arrays, dictionary files and atomic writes. */
package org.sparsecode.core.io;

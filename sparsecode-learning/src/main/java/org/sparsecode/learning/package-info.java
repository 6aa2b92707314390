/**
 * Dictionary learning: online and batch convolutional dictionary learning, Hebbian updates, checkpoints,
 * and the log-Gabor re-fit of learned atoms (Ladret, Casanova and Perrinet 2024).
 */
package org.sparsecode.learning;

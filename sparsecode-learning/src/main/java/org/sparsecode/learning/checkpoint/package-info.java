/**
 * Checkpoints of dictionary learning: the state a learner writes every few steps (atomically) and reads back
 * to resume an interrupted run with the same result, bit for bit, as an uninterrupted one.
 */
package org.sparsecode.learning.checkpoint;

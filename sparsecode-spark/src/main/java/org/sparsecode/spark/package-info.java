/**
 * The Spark engine ({@code run --engine spark}): runs an experiment file's variants, or a sweep's cells, as Spark
 * tasks, embedded {@code local[N]} by default or on the cluster of {@code --master}, with the numbers of the local
 * engine.
 */
package org.sparsecode.spark;

/**
 * JMH benchmarks (not part of the test run). Build with {@code mvn -pl sparsecode-bench -am package
 * -DskipTests}, run with {@code java -jar sparsecode-bench/target/benchmarks.jar NAME}.
 */
package org.sparsecode.bench;

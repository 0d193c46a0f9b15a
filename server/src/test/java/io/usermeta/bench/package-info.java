/**
 * The load benchmark behind BENCHMARKS.md: imports census-based users into a server running in a JVM
 * of its own and times the GETs. {@code bench/run} starts it; the build only compiles it.
 */
package io.usermeta.bench;

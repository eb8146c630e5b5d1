/**
 * The media benchmark ({@code bin/vpbx bench media}), never part of the test suite: a load
 * generator of paced G.711 phones on loopback, a minimal NIO UDP relay as the baseline of what the
 * machine can move, and the runs that put the engine beside it in one process and write {@code
 * src-docs/benchmarks/media.json} and {@code media.md}. It uses only the JDK and the engine's own
 * classes, so it runs from {@code target/classes} and {@code target/test-classes} alone.
 */
package io.vpbx.media.bench;

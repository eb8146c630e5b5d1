/**
 * Sample-level primitives of the media engine: ITU-T G.711 companding and transcoding between µ-law
 * and A-law, the Goertzel measurement of one frequency in a block of audio, and a tone generator
 * for tests and benchmarks. Everything here is static, allocation-free on the hot path and safe to
 * call from any thread.
 */
package io.vpbx.media.codec;

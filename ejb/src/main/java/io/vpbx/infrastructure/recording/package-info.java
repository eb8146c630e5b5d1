/**
 * Adapters of call recording: the file-system recording store and the MP3 encoder (jump3r, a
 * pure-Java port of LAME).
 */
package io.vpbx.infrastructure.recording;

package io.vpbx.application.history;

import java.nio.file.Path;

/** A finished export, ready to stream: where it is and what to call it in the browser. */
public record ExportFile(Path path, String downloadName) {}

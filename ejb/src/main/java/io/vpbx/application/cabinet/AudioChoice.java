package io.vpbx.application.cabinet;

/** One of the domain's audio files an employee may choose (a greeting or a ringback melody). */
public record AudioChoice(long id, String name) {}

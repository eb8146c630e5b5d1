package io.vpbx.application.groups;

/** A call group named in a user's context: the user page's chips, the user list's column. */
public record CallGroupRef(long id, String name) {}

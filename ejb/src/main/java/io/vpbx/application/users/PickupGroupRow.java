package io.vpbx.application.users;

/**
 * One of the domain's pickup groups (spec B §7.4) with how many users are in it.
 *
 * @param members the group's users
 */
public record PickupGroupRow(long id, String name, long members) {}

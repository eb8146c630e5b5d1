package io.vpbx.application.sip;

import java.time.Instant;

/** A source address banned for repeated SIP authentication failures. */
public record SipBan(String address, Instant until, int failures) {}

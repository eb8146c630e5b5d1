package io.vpbx.application.users;

/**
 * The settings of a SIP number (seed 002).
 *
 * @param deviceLimit devices registered at once (multi-terminal), 1–10
 * @param channelLimit concurrent calls, 1–10
 * @param enabled a disabled number can neither register nor call
 * @param md5Only challenge with MD5 alone, for legacy phones that fail on a SHA-256 challenge
 * @param ringSeconds how long calls ring before the caller hears "no answer", 5–300
 */
public record SipNumberSettings(
        int deviceLimit, int channelLimit, boolean enabled, boolean md5Only, int ringSeconds) {}

package io.vpbx.application.users;

import io.vpbx.model.tenancy.OutgoingRestriction;
import java.time.LocalDate;

/**
 * What the user page saves of a user (spec B §7.5, seed 002).
 *
 * @param version the version the page loaded ({@link UserDetails#version()})
 * @param voicemailToEmail «Уведомления о голосовой почте на e-mail»
 * @param operator «Оператор контакт-центра»
 * @param outgoingRestriction stored now; outbound routing enforces it
 * @param absentFrom first day of the absence period, or {@code null} with {@code absentUntil}
 * @param absentUntil last day of the absence period (inclusive)
 * @param greetingId one of the domain's greetings played before the phones ring, or {@code null}
 * @param ringbackId one of the domain's music files instead of ringback, or {@code null}: the
 *     domain's
 * @param musicOnHoldId one of the domain's music files on hold, or {@code null}: the domain's
 */
public record UserChanges(
        long version,
        String displayName,
        String extension,
        String jobTitle,
        String email,
        boolean recordCalls,
        boolean admin,
        boolean voicemailToEmail,
        boolean operator,
        OutgoingRestriction outgoingRestriction,
        LocalDate absentFrom,
        LocalDate absentUntil,
        Long greetingId,
        Long ringbackId,
        Long musicOnHoldId) {}

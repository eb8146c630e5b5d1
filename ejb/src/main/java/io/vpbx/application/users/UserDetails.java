package io.vpbx.application.users;

import io.vpbx.model.tenancy.OutgoingRestriction;
import java.time.LocalDate;
import java.util.List;

/**
 * The main tab of the user page (spec B §7.5, seed 002): the user's own fields, their SIP number
 * and its current registrations. {@code version} goes back with a change, so that a second admin
 * saving over the first gets an error instead of silently undoing their work.
 *
 * @param registrar where phones register: the domain's SIP name (also the digest realm)
 * @param registrarPort the server's SIP port (UDP and TCP)
 * @param maxChannels the most concurrent calls one number may have in this domain
 * @param pickupGroup the name of the user's pickup group, or {@code null}
 * @param absentToday whether today falls in the absence period
 */
public record UserDetails(
        long userId,
        long version,
        String login,
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
        boolean absentToday,
        Long greetingId,
        Long ringbackId,
        Long musicOnHoldId,
        String pickupGroup,
        String sipLogin,
        String registrar,
        int registrarPort,
        SipNumberSettings sipNumber,
        int maxChannels,
        List<RegistrationRow> registrations) {}

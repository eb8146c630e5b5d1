package io.vpbx.application.cabinet;

import io.vpbx.application.users.RegistrationRow;
import io.vpbx.model.tenancy.OutgoingRestriction;
import java.util.List;

/**
 * What the cabinet shows of the employee's own account (spec A BR-11). The fields the domain admin
 * manages (extension, job title, recording, outgoing restriction, operator flag) are shown
 * read-only; e-mail, voicemail-to-e-mail, greeting and ringback are the employee's to change. The
 * SIP password is not here: it is shown once, when the employee generates a new one.
 *
 * @param sipLogin the SIP number's login (digest username); {@code null} when the account has no
 *     SIP number
 * @param registrar where phones register: the domain's SIP name (also the digest realm)
 * @param registrarPort the server's SIP port (UDP and TCP)
 * @param greetingId the chosen greeting; {@code null}: none
 * @param ringbackId the chosen ringback melody; {@code null}: the domain's
 * @param registrations the SIP number's registered devices now
 */
public record MyProfile(
        String displayName,
        String login,
        String domain,
        String extension,
        String jobTitle,
        String email,
        boolean admin,
        boolean recordCalls,
        boolean contactCenterOperator,
        OutgoingRestriction outgoingRestriction,
        boolean voicemailToEmail,
        Long greetingId,
        Long ringbackId,
        String sipLogin,
        String registrar,
        int registrarPort,
        List<RegistrationRow> registrations) {

    public MyProfile {
        registrations = List.copyOf(registrations);
    }

    /** {@code login@domain}, the address the employee is known by. */
    public String address() {
        return login + "@" + domain;
    }

    public boolean hasSipNumber() {
        return sipLogin != null;
    }
}

package io.vpbx.application.platform;

import io.vpbx.model.tenancy.DomainStatus;

/**
 * What the operator can change on an existing domain, saved as one change. The SIP domain, App ID
 * and pool are fixed.
 *
 * @param displayName what people see
 * @param companyName the customer's name
 * @param routingNumber the routing number, blank to clear
 * @param personalAccountNumber the billing account number, blank to clear
 * @param notificationEmail where account warnings go, blank to clear
 * @param maxUsers the user limit
 * @param maxChannels the concurrent-call limit
 * @param status active, or blocked (by the operator, or for non-payment)
 */
public record DomainProfile(
        String displayName,
        String companyName,
        String routingNumber,
        String personalAccountNumber,
        String notificationEmail,
        int maxUsers,
        int maxChannels,
        DomainStatus status) {}

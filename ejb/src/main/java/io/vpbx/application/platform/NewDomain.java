package io.vpbx.application.platform;

import java.util.Locale;

/**
 * A domain to create, with its first domain admin.
 *
 * @param sipDomain the technical name, also the SIP domain; fixed forever
 * @param displayName what people see
 * @param companyName the customer's legal or trading name
 * @param poolId the pool, or {@code null} for a domain outside any pool
 * @param appId the App ID, or blank to generate one
 * @param routingNumber the routing number within the pool, or blank
 * @param personalAccountNumber the billing account number ("НЛС"), or blank
 * @param notificationEmail where account warnings go, or blank
 * @param maxUsers the user limit
 * @param maxChannels the concurrent-call limit
 * @param admin the first domain admin
 * @param sendCredentials whether to e-mail the admin their login details
 * @param mailLocale the language of that e-mail
 */
public record NewDomain(
        String sipDomain,
        String displayName,
        String companyName,
        Long poolId,
        String appId,
        String routingNumber,
        String personalAccountNumber,
        String notificationEmail,
        int maxUsers,
        int maxChannels,
        NewAccount admin,
        boolean sendCredentials,
        Locale mailLocale) {}

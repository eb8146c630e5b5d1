package io.vpbx.application.platform;

import java.util.Locale;

/**
 * A pool to create, with its first supervisor.
 *
 * @param name unique pool name
 * @param routingNumberLength the length of every routing number in the pool
 * @param supervisor the first supervisor's account
 * @param sendCredentials whether to e-mail the supervisor their login details
 * @param mailLocale the language of that e-mail
 */
public record NewPool(
        String name,
        int routingNumberLength,
        NewAccount supervisor,
        boolean sendCredentials,
        Locale mailLocale) {}

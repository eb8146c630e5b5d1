package io.vpbx.application;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * An e-mail to send: a template of the mail bundle, rendered in the recipient's language with the
 * given values. Carries no rendered text, so a queued notification never holds more than the
 * template needs.
 *
 * @param to the recipient address
 * @param template the template key, e.g. {@code poolAdminCredentials}
 * @param locale the language to render in
 * @param values the template's named values
 */
public record Notification(String to, String template, Locale locale, Map<String, String> values)
        implements Serializable {
    public Notification {
        values = Map.copyOf(values);
    }
}

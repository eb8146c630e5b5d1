package io.vpbx.infrastructure.messaging;

import io.vpbx.model.shared.Languages;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders mail templates from the {@code Mail} bundle: {@code <template>.subject} and {@code
 * <template>.body}, with {@code ${name}} placeholders. Unknown placeholders stay visible rather
 * than silently vanishing, so a template bug shows in the first mail.
 */
final class MailTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9]+)}");

    private MailTemplates() {}

    /** A rendered mail. */
    record RenderedMail(String subject, String body) {}

    static RenderedMail render(String template, Locale locale, Map<String, String> values) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(
                        "io.vpbx.infrastructure.messaging.Mail",
                        Languages.supported(locale),
                        MailTemplates.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
        return new RenderedMail(
                fill(bundle.getString(template + ".subject"), values),
                fill(bundle.getString(template + ".body"), values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

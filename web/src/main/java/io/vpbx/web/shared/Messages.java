package io.vpbx.web.shared;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Console texts from {@code messages_{ru,en}.properties}, in the language of the current view. */
public final class Messages {
    static final String BUNDLE = "io.vpbx.web.messages";

    private Messages() {}

    public static String get(String key, Object... arguments) {
        return format(locale(), key, arguments);
    }

    /** «5 пользователей»: the number and the counted word of {@code <keyPrefix>.one|few|many}. */
    public static String count(int n, String keyPrefix) {
        return Plurals.count(locale(), n, keyPrefix, Messages::get);
    }

    /** The current view's language. */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.getDefault();
    }

    static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments == null || arguments.length == 0
                ? pattern
                : new MessageFormat(pattern, locale).format(arguments);
    }
}

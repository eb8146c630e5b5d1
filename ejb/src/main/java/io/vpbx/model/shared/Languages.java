package io.vpbx.model.shared;

import java.util.List;
import java.util.Locale;

/**
 * The languages vPBX speaks: Russian, the default, and English. Every text bundle exists in exactly
 * these two, and any other requested language falls back to Russian, never to the server JVM's
 * default locale.
 */
public final class Languages {
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(RUSSIAN, ENGLISH);

    private Languages() {}

    /** The supported language closest to the requested one. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? ENGLISH : RUSSIAN;
    }
}

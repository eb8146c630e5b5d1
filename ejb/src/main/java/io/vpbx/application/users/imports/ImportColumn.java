package io.vpbx.application.users.imports;

/**
 * The template's columns A–G, in their order (BR-21). Each header is translated through its message
 * key; the file's own header row is never interpreted, so a template filled in Russian imports the
 * same as one filled in English.
 */
public enum ImportColumn {
    LOGIN,
    PASSWORD,
    DISPLAY_NAME,
    EXTENSION,
    GROUPS,
    OUTGOING_CLI,
    EMAIL;

    /** The header's message key, e.g. {@code userImport.column.displayName}. */
    public String messageKey() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder("userImport.column.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }
}

package io.vpbx.it.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique names, so tests sharing one database never trip over each other's data. */
public final class Names {
    private Names() {}

    /** A lower-case token of letters and digits, e.g. {@code k3x9q2}. */
    public static String token() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A login such as {@code sup-k3x9q2}. */
    public static String login(String prefix) {
        return prefix + "-" + token();
    }

    /** A SIP domain such as {@code acme-k3x9q2.test.vpbx}. */
    public static String sipDomain(String prefix) {
        return prefix + "-" + token() + ".test.vpbx";
    }

    /** An e-mail address at the test mail server. */
    public static String email(String prefix) {
        return prefix + "-" + token() + "@mail.test";
    }
}

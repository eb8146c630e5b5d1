package io.vpbx.web.security;

/**
 * The consoles, each with its URL space, login page and home page: the operator's, a pool's, a
 * domain admin's, and the employee's personal cabinet.
 */
public enum Console {
    PLATFORM("/platform/", "/platform/login.xhtml", "/platform/domains/list.xhtml"),
    GROUP("/group/", "/group/login.xhtml", "/group/domains/list.xhtml"),
    DOMAIN("/domain/", "/domain/login.xhtml", "/domain/info/basic.xhtml"),
    MY("/my/", "/my/login.xhtml", "/my/profile/main.xhtml");

    private final String prefix;
    private final String loginPage;
    private final String homePage;

    Console(String prefix, String loginPage, String homePage) {
        this.prefix = prefix;
        this.loginPage = loginPage;
        this.homePage = homePage;
    }

    /** The console a request path (without the context path) belongs to, or {@code null}. */
    public static Console ofPath(String path) {
        if (path == null) {
            return null;
        }
        for (Console console : values()) {
            if (path.startsWith(console.prefix)
                    || path.equals(console.prefix.substring(0, console.prefix.length() - 1))) {
                return console;
            }
        }
        return null;
    }

    public String prefix() {
        return prefix;
    }

    public String loginPage() {
        return loginPage;
    }

    public String homePage() {
        return homePage;
    }

    String sessionAttribute() {
        return "vpbx.login." + name();
    }
}

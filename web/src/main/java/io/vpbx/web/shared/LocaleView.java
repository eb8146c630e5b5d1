package io.vpbx.web.shared;

import io.vpbx.model.shared.Languages;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/**
 * The console language, Russian by default, switchable in the header. Kept for the session, so
 * every console of the browser speaks the same language.
 */
@Named
@SessionScoped
public class LocaleView implements Serializable {
    private static final long serialVersionUID = 1L;

    private Locale locale = Languages.RUSSIAN;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    /**
     * Switches the language and reloads the current page with a GET, so the whole page is
     * re-rendered.
     */
    public void switchTo(String language) throws IOException {
        locale = Languages.supported(Locale.forLanguageTag(language));
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.redirect(
                request.getContextPath()
                        + request.getServletPath()
                        + (request.getPathInfo() == null ? "" : request.getPathInfo())
                        + (query == null ? "" : "?" + query));
    }
}

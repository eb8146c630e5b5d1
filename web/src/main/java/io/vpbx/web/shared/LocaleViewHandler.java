package io.vpbx.web.shared;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every view gets the language chosen in the header ({@link LocaleView}) from its creation, so that
 * messages made before rendering (view actions, validation) speak the same language as the page,
 * whatever the browser's Accept-Language says.
 */
public class LocaleViewHandler extends ViewHandlerWrapper {
    public LocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(LocaleView.class).get().getLocale();
    }
}

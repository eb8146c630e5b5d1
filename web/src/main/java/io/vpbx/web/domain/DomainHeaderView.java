package io.vpbx.web.domain;

import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.domain.DomainHeader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The domain console's header (spec A SCR-4). */
@Named
@RequestScoped
public class DomainHeaderView {
    @Inject private DomainConsoleService console;

    private DomainHeader header;

    public DomainHeader getHeader() {
        if (header == null) {
            header = console.header();
        }
        return header;
    }
}

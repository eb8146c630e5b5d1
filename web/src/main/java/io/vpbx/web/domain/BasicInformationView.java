package io.vpbx.web.domain;

import io.vpbx.application.domain.BasicInformation;
import io.vpbx.application.domain.DomainConsoleService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Basic information": company, SIP domain, App ID and routing number of the caller's domain. */
@Named
@RequestScoped
public class BasicInformationView {
    @Inject private DomainConsoleService console;

    private BasicInformation info;

    public BasicInformation getInfo() {
        if (info == null) {
            info = console.basicInformation();
        }
        return info;
    }
}

package io.vpbx.web.group;

import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.pool.PoolHeader;
import io.vpbx.model.tenancy.PoolRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The pool console's header (spec A SCR-P2): pool name, domain count, who is logged in and their
 * role.
 */
@Named
@RequestScoped
public class PoolHeaderView {
    @Inject private PoolDomainsService poolDomains;

    private PoolHeader header;

    public PoolHeader getHeader() {
        if (header == null) {
            header = poolDomains.header();
        }
        return header;
    }

    public boolean isSupervisor() {
        return getHeader().myRole() == PoolRole.SUPERVISOR;
    }
}

package io.vpbx.application.domain;

/** The domain console's own pages, always for the caller's domain. */
public interface DomainConsoleService {
    DomainHeader header();

    BasicInformation basicInformation();

    /**
     * Changes the caller's own password after checking the current one. Not available to a pool
     * admin who jumped in: they have no password in this domain.
     */
    void changeMyPassword(String currentPassword, String newPassword, String repeat);
}

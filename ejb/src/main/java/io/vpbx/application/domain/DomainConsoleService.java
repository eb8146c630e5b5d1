package io.vpbx.application.domain;

/** The domain console's own pages, always for the caller's domain. */
public interface DomainConsoleService {
    DomainHeader header();

    BasicInformation basicInformation();
}

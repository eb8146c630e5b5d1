package io.vpbx.application.domain;

/** The domain console's own pages, always for the caller's domain. */
public interface DomainConsoleService {
    DomainHeader header();

    BasicInformation basicInformation();

    /** The addresses the domain's phones may register from, as entered; empty: any address. */
    String sipAllowList();

    /**
     * Sets the addresses (IPv4/IPv6, CIDR networks) the domain's phones may register from; blank
     * allows any. Existing registrations from other addresses stay until they expire or refresh.
     */
    void changeSipAllowList(String list);

    /** «Номер перехвата»: what members of a pickup group dial to answer each other's calls. */
    String pickupCode();

    /**
     * Sets the domain's pickup code: a star and one to three digits (so it can never be an
     * extension), e.g. {@code *8}.
     */
    void changePickupCode(String code);
}

package io.vpbx.model.tenancy;

import io.vpbx.model.shared.DisplayText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A pickup group ("группа перехвата", spec B §7.4): its members may answer a call ringing on any
 * other member by dialling the domain's {@linkplain Domain#pickupCode() pickup code}. A user is in
 * at most one ({@link DomainUser#pickupGroupId()}); names are unique in the domain.
 */
@Entity
@Table(name = "pickup_group")
public class PickupGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PickupGroup() {}

    public PickupGroup(Domain domain, String name, Instant createdAt) {
        this.domainId = Objects.requireNonNull(domain.id());
        this.name = DisplayText.require("name", name, 64);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void rename(String newName) {
        this.name = DisplayText.require("name", newName, 64);
    }

    public Long id() {
        return id;
    }

    public long domainId() {
        return domainId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

package io.vpbx.model.groups;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.Extension;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A call group of a domain (spec C §1.1): a name unique in the domain in any letter case, an
 * extension that no user and no other group of the domain has (checked by the service under the
 * domain's lock), and how its calls are distributed. Members are {@link CallGroupMember} rows.
 */
@Entity
@Table(name = "call_group")
public class CallGroup {
    /** The longest name (the column's length). */
    public static final int MAX_NAME = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "extension", nullable = false, length = 5)
    private String extension;

    @Enumerated(EnumType.STRING)
    @Column(name = "algorithm", nullable = false, length = 32)
    private DistributionAlgorithm algorithm;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CallGroup() {}

    public CallGroup(
            Domain domain,
            String name,
            Extension extension,
            DistributionAlgorithm algorithm,
            Instant createdAt) {
        this.domainId = Objects.requireNonNull(domain.id());
        this.createdAt = Objects.requireNonNull(createdAt);
        change(name, extension, algorithm);
    }

    /** New general settings; the uniqueness of the name and extension is the caller's check. */
    public void change(String newName, Extension newExtension, DistributionAlgorithm newAlgorithm) {
        this.name = DisplayText.require("name", newName, MAX_NAME);
        this.extension = Objects.requireNonNull(newExtension).value();
        this.algorithm = newAlgorithm == null ? DistributionAlgorithm.NOT_SET : newAlgorithm;
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

    public Extension extension() {
        return new Extension(extension);
    }

    public DistributionAlgorithm algorithm() {
        return algorithm;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

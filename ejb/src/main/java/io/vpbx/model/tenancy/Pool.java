package io.vpbx.model.tenancy;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A pool ("пул доменов"): the domains of one customer, run together from the pool console. Domains
 * of one pool call each other for free by routing number + extension (spec A §2.7), so the pool
 * fixes how long a routing number is. The name is unique on the platform.
 */
@Entity
@Table(name = "pool")
public class Pool {
    public static final int MIN_ROUTING_LENGTH = 2;
    public static final int MAX_ROUTING_LENGTH = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "routing_number_length", nullable = false)
    private int routingNumberLength;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Pool() {}

    public Pool(String name, int routingNumberLength, Instant createdAt) {
        this.name = DisplayText.require("name", name, 128);
        if (routingNumberLength < MIN_ROUTING_LENGTH || routingNumberLength > MAX_ROUTING_LENGTH) {
            throw RuleViolation.onField(
                    "routingNumberLength",
                    "error.limit.range",
                    MIN_ROUTING_LENGTH,
                    MAX_ROUTING_LENGTH);
        }
        this.routingNumberLength = routingNumberLength;
        this.createdAt = createdAt;
    }

    public void rename(String newName) {
        this.name = DisplayText.require("name", newName, 128);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int routingNumberLength() {
        return routingNumberLength;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

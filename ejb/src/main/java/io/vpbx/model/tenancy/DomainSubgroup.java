package io.vpbx.model.tenancy;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import java.util.Set;

/**
 * A subgroup of a pool's domains ("подгруппа доменов"). Supervisors use subgroups to organise
 * domains and to decide which domains a subgroup admin may manage.
 *
 * <p>Every pool has exactly one <em>system</em> subgroup, "No group" ("Без группы"): every domain
 * of the pool that is in no other subgroup is in it. It cannot be renamed or deleted, and domains
 * cannot be "removed" from it, because there is nowhere else for them to go (spec A BR-49, BR-50).
 */
@Entity
@Table(name = "pool_subgroup")
public class DomainSubgroup {
    /** The stored name of the system subgroup; consoles show it translated. */
    public static final String NO_GROUP_NAME = "Без группы";

    /** "No group" as the consoles show it in each language, in lower case. */
    private static final Set<String> RESERVED_NAMES = Set.of("без группы", "no group");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pool_id", nullable = false, updatable = false)
    private Pool pool;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "is_system", nullable = false, updatable = false)
    private boolean system;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DomainSubgroup() {}

    private DomainSubgroup(Pool pool, String name, boolean system) {
        this.pool = pool;
        this.name = name;
        this.system = system;
    }

    /** The "No group" subgroup a new pool starts with. */
    public static DomainSubgroup noGroupOf(Pool pool) {
        return new DomainSubgroup(pool, NO_GROUP_NAME, true);
    }

    /** A new, empty subgroup created by a supervisor. */
    public static DomainSubgroup named(Pool pool, String name) {
        return new DomainSubgroup(pool, supervisorChosen(name), false);
    }

    public void rename(String newName) {
        if (system) {
            throw new RuleViolation("error.subgroup.systemImmutable");
        }
        this.name = supervisorChosen(newName);
    }

    /**
     * A name a supervisor gave: valid display text, and not the name of "No group" in any console
     * language, in any letter case (two groups that read the same would be indistinguishable).
     */
    private static String supervisorChosen(String name) {
        String valid = DisplayText.require("name", name, 128);
        String folded = valid.toLowerCase(Locale.ROOT);
        if (RESERVED_NAMES.contains(folded)) {
            throw RuleViolation.onField("name", "error.subgroup.reservedName");
        }
        return valid;
    }

    /** Throws if this is "No group": it can be neither deleted nor emptied. */
    public void requireNotSystem() {
        if (system) {
            throw new RuleViolation("error.subgroup.systemImmutable");
        }
    }

    public Long id() {
        return id;
    }

    public Pool pool() {
        return pool;
    }

    public String name() {
        return name;
    }

    public boolean isSystem() {
        return system;
    }

    public long version() {
        return version;
    }
}

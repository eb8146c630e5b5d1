package io.vpbx.model.tenancy;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
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
 * A member of the operator's staff ("Администратор системы"): creates pools and domains, sets
 * limits and blocks. Appears as such in every tenant's action history.
 */
@Entity
@Table(name = "platform_operator")
public class PlatformOperator {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "login", nullable = false, updatable = false, length = 64)
    private String login;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PlatformOperator() {}

    public PlatformOperator(
            Login login,
            String displayName,
            EmailAddress email,
            String passwordHash,
            Instant createdAt) {
        this.login = login.value();
        this.displayName = DisplayText.require("displayName", displayName, 128);
        this.email = email.value();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public Login login() {
        return new Login(login);
    }

    public String displayName() {
        return displayName;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}

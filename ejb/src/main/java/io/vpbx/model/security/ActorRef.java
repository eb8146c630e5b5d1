package io.vpbx.model.security;

import io.vpbx.model.shared.AccessDenied;
import java.util.Objects;

/**
 * Who is acting, and in which tenant. It travels as the container principal's name, so that every
 * EJB call knows the tenant without trusting anything the browser sent:
 *
 * <ul>
 *   <li>{@code O:<operatorId>}, the operator's staff;
 *   <li>{@code P:<poolId>:<adminId>}, a pool admin in the pool console;
 *   <li>{@code P:<poolId>:<adminId>@D:<domainId>}, a pool admin who jumped into a domain's console
 *       and acts there with domain-admin rights;
 *   <li>{@code D:<domainId>:<userId>}, a domain user (admin or employee);
 *   <li>{@code S:system}, the server itself.
 * </ul>
 *
 * @param kind the kind of account
 * @param accountId the account's id in its own table ({@code 0} for the system)
 * @param poolId the pool of a pool admin, otherwise {@code null}
 * @param domainId the domain acted in: a domain user's own domain, or the domain a pool admin
 *     jumped into
 */
public record ActorRef(ActorKind kind, long accountId, Long poolId, Long domainId) {
    public static final ActorRef SYSTEM = new ActorRef(ActorKind.SYSTEM, 0, null, null);

    public ActorRef {
        Objects.requireNonNull(kind);
        boolean valid =
                switch (kind) {
                    case OPERATOR -> poolId == null && domainId == null;
                    case POOL_ADMIN -> poolId != null;
                    case DOMAIN_USER -> poolId == null && domainId != null;
                    case SYSTEM -> poolId == null && domainId == null && accountId == 0;
                };
        if (!valid) {
            throw new IllegalArgumentException("inconsistent actor " + kind);
        }
    }

    public static ActorRef operator(long operatorId) {
        return new ActorRef(ActorKind.OPERATOR, operatorId, null, null);
    }

    public static ActorRef poolAdmin(long poolId, long adminId) {
        return new ActorRef(ActorKind.POOL_ADMIN, adminId, poolId, null);
    }

    public static ActorRef domainUser(long domainId, long userId) {
        return new ActorRef(ActorKind.DOMAIN_USER, userId, null, domainId);
    }

    /** The same pool admin, now acting inside a domain of their pool after a console jump. */
    public ActorRef jumpedInto(long targetDomainId) {
        if (kind != ActorKind.POOL_ADMIN) {
            throw new IllegalStateException("only pool admins jump into domains");
        }
        return new ActorRef(kind, accountId, poolId, targetDomainId);
    }

    /** Whether this is a pool admin acting inside a domain console. */
    /**
     * The domain this actor works in, for the domain console's and the cabinet's use cases.
     *
     * @throws AccessDenied for an actor of no domain (an operator, a pool admin who did not jump
     *     into one, the system)
     */
    public long ownDomainId() {
        if (domainId == null) {
            throw new AccessDenied("error.accessDenied");
        }
        return domainId;
    }

    public boolean isJumpedPoolAdmin() {
        return kind == ActorKind.POOL_ADMIN && domainId != null;
    }

    /** The principal name, see the class comment. */
    public String principalName() {
        return switch (kind) {
            case OPERATOR -> "O:" + accountId;
            case POOL_ADMIN ->
                    "P:" + poolId + ":" + accountId + (domainId == null ? "" : "@D:" + domainId);
            case DOMAIN_USER -> "D:" + domainId + ":" + accountId;
            case SYSTEM -> "S:system";
        };
    }

    /**
     * Parses a principal name written by {@link #principalName()}.
     *
     * @throws IllegalArgumentException for any other name (an unauthenticated or foreign principal)
     */
    public static ActorRef parse(String name) {
        if (name == null || name.length() < 3 || name.charAt(1) != ':') {
            throw new IllegalArgumentException("not a vPBX principal");
        }
        String rest = name.substring(2);
        if (!rest.matches("[0-9]+(:[0-9]+)?(@D:[0-9]+)?|system")) {
            throw new IllegalArgumentException("not a vPBX principal");
        }
        try {
            switch (name.charAt(0)) {
                case 'O':
                    return operator(Long.parseLong(rest));
                case 'P':
                    {
                        int at = rest.indexOf("@D:");
                        String poolPart = at < 0 ? rest : rest.substring(0, at);
                        String[] ids = poolPart.split(":", -1);
                        if (ids.length != 2) {
                            break;
                        }
                        ActorRef admin = poolAdmin(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
                        return at < 0
                                ? admin
                                : admin.jumpedInto(Long.parseLong(rest.substring(at + 3)));
                    }
                case 'D':
                    {
                        String[] ids = rest.split(":", -1);
                        if (ids.length != 2) {
                            break;
                        }
                        return domainUser(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
                    }
                case 'S':
                    if (rest.equals("system")) {
                        return SYSTEM;
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a vPBX principal", e);
        }
        throw new IllegalArgumentException("not a vPBX principal");
    }
}

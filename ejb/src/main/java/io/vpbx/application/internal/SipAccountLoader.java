package io.vpbx.application.internal;

import io.vpbx.application.SecretBox;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads all SIP accounts of one domain at once, for {@link SipDirectory}. */
@Stateless
@LocalBean
@PermitAll
public class SipAccountLoader {
    /** The accounts of one domain, by SIP login. */
    public record DomainAccounts(long domainId, Map<String, SipAccount> byLogin) {}

    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private SecretBox secrets;

    /** The domain's accounts; empty if no domain has this SIP domain. */
    public Optional<DomainAccounts> load(String sipDomain) {
        Optional<Domain> found;
        try {
            found = domains.findByName(new SipDomainName(sipDomain));
        } catch (RuleViolation notADomainName) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Domain domain = found.get();
        Set<Long> activeUsers =
                users.listInDomain(domain.id()).stream()
                        .filter(DomainUser::isActive)
                        .map(DomainUser::id)
                        .collect(Collectors.toSet());
        Map<String, SipAccount> byLogin = new HashMap<>();
        for (SipNumber number : numbers.listInDomain(domain.id())) {
            byLogin.put(
                    number.login(), account(domain, number, activeUsers.contains(number.userId())));
        }
        return Optional.of(new DomainAccounts(domain.id(), Map.copyOf(byLogin)));
    }

    private SipAccount account(Domain domain, SipNumber number, boolean userActive) {
        String realm = domain.name().value();
        String a1 = number.login() + ":" + realm + ":" + secrets.open(number.passwordSecret());
        SipAccount.State state;
        if (domain.status() != DomainStatus.ACTIVE) {
            state = SipAccount.State.DOMAIN_BLOCKED;
        } else if (!number.isEnabled() || !userActive) {
            state = SipAccount.State.DISABLED;
        } else {
            state = SipAccount.State.USABLE;
        }
        return new SipAccount(
                domain.id(),
                number.id(),
                realm,
                number.login(),
                hex("MD5", a1),
                hex("SHA-256", a1),
                number.deviceLimit(),
                number.isMd5Only(),
                domain.sipAllowList(),
                state);
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}

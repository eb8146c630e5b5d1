package io.vpbx.application.internal;

import io.vpbx.application.SecretBox;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.groups.DistributionAlgorithm;
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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads all SIP accounts of one domain at once, for {@link SipDirectory}. */
@Stateless
@LocalBean
@PermitAll
public class SipAccountLoader {
    /**
     * What SIP needs of one domain: the accounts by SIP login, and its lines (a SIP number with its
     * user) by SIP login, by extension, by id and by user, for routing calls; its call groups by
     * extension; and the domain's pickup code.
     */
    public record DomainAccounts(
            long domainId,
            String pickupCode,
            Map<String, SipAccount> byLogin,
            Map<String, Line> linesByLogin,
            Map<String, Line> linesByExtension,
            Map<Long, Line> linesById,
            Map<Long, Line> linesByUser,
            Map<String, Group> groupsByExtension) {}

    /**
     * A call group as a call to its extension sees it (spec C §1.1, §1.3).
     *
     * @param memberUserIds the members, in the order they joined (membership ids)
     */
    public record Group(
            long groupId,
            String name,
            String extension,
            DistributionAlgorithm algorithm,
            List<Long> memberUserIds) {
        public Group {
            memberUserIds = List.copyOf(memberUserIds);
        }
    }

    /**
     * A SIP number with its user, as a call sees it.
     *
     * @param extension null for a number whose user has none
     * @param available the number is enabled and its user active
     * @param pickupGroupId the user's pickup group, null for none
     * @param absentFrom the first day of the user's absence period, null for none
     * @param absentUntil the last day of it (inclusive)
     * @param greetingId the user's pre-call greeting (an audio file), null for none
     */
    public record Line(
            long sipNumberId,
            Long userId,
            String login,
            String extension,
            String displayName,
            int channelLimit,
            int ringSeconds,
            boolean available,
            Long pickupGroupId,
            LocalDate absentFrom,
            LocalDate absentUntil,
            Long greetingId) {
        /** Whether the day falls in the absence period (both ends inclusive). */
        public boolean absentOn(LocalDate day) {
            return absentFrom != null
                    && absentUntil != null
                    && !day.isBefore(absentFrom)
                    && !day.isAfter(absentUntil);
        }
    }

    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private CallGroupRepository groups;
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
        Map<Long, DomainUser> usersById =
                users.listInDomain(domain.id()).stream()
                        .collect(Collectors.toMap(DomainUser::id, u -> u));
        Map<String, SipAccount> byLogin = new HashMap<>();
        Map<String, Line> linesByLogin = new HashMap<>();
        Map<String, Line> linesByExtension = new HashMap<>();
        Map<Long, Line> linesById = new HashMap<>();
        Map<Long, Line> linesByUser = new HashMap<>();
        for (SipNumber number : numbers.listInDomain(domain.id())) {
            DomainUser user = usersById.get(number.userId());
            boolean userActive = user != null && user.isActive();
            byLogin.put(number.login(), account(domain, number, userActive));
            Line line =
                    new Line(
                            number.id(),
                            user == null ? null : user.id(),
                            number.login(),
                            user == null || user.extension() == null
                                    ? null
                                    : user.extension().value(),
                            user == null ? number.login() : user.displayName(),
                            number.channelLimit(),
                            number.ringSeconds(),
                            number.isEnabled() && userActive,
                            user == null ? null : user.pickupGroupId(),
                            user == null ? null : user.absentFrom(),
                            user == null ? null : user.absentUntil(),
                            user == null ? null : user.greetingId());
            linesByLogin.put(line.login(), line);
            linesById.put(line.sipNumberId(), line);
            if (line.userId() != null) {
                linesByUser.put(line.userId(), line);
            }
            if (line.extension() != null) {
                linesByExtension.put(line.extension(), line);
            }
        }
        return Optional.of(
                new DomainAccounts(
                        domain.id(),
                        domain.pickupCode(),
                        Map.copyOf(byLogin),
                        Map.copyOf(linesByLogin),
                        Map.copyOf(linesByExtension),
                        Map.copyOf(linesById),
                        Map.copyOf(linesByUser),
                        groups(domain.id())));
    }

    /** The domain's call groups by extension, each with its members in membership order. */
    private Map<String, Group> groups(long domainId) {
        Map<Long, List<CallGroupMember>> members =
                groups.membershipsInDomain(domainId).stream()
                        .sorted(Comparator.comparing(CallGroupMember::id))
                        .collect(Collectors.groupingBy(CallGroupMember::groupId));
        Map<String, Group> byExtension = new HashMap<>();
        for (CallGroup group : groups.listByDomain(domainId)) {
            byExtension.put(
                    group.extension().value(),
                    new Group(
                            group.id(),
                            group.name(),
                            group.extension().value(),
                            group.algorithm(),
                            members.getOrDefault(group.id(), List.of()).stream()
                                    .map(CallGroupMember::userId)
                                    .toList()));
        }
        return Map.copyOf(byExtension);
    }

    /** The SIP domain of a domain; empty if it does not exist. */
    public Optional<String> sipDomainOf(long domainId) {
        return domains.findById(domainId).map(d -> d.name().value());
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

package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.calls.CallPickup;
import io.vpbx.model.groups.GroupRinging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routing inside one domain: the dialled digits are an extension, or a SIP number's login, or the
 * domain's pickup code, or a call group's extension. Every lookup names the caller's domain, so a
 * call never leaves its tenant here. The domain's lines and the devices come from memory ({@link
 * SipDirectory}, {@link RegistrationStore}): setting up a call runs no query.
 *
 * <p>An absence period is a range of calendar days in the installation's time zone ({@link
 * PlatformSettings#displayZone()}, {@code vpbx.timezone}, Europe/Moscow unless set): the user is
 * absent from 00:00 of its first day to 24:00 of its last there.
 */
@ApplicationScoped
public class DefaultCallRouting implements CallRouting {
    @Inject private SipDirectory directory;
    @Inject private RegistrationStore registrations;
    @Inject private Clock clock;
    @Inject private PlatformSettings settings;

    @Override
    public Party caller(long domainId, long sipNumberId) {
        return directory
                .line(domainId, sipNumberId)
                .map(DefaultCallRouting::party)
                .orElseThrow(() -> new IllegalArgumentException("no such SIP number"));
    }

    @Override
    public Route route(long domainId, String dialled) {
        return route(domainId, dialled, null);
    }

    @Override
    public Route route(long domainId, String dialled, Party caller) {
        if (dialled == null || dialled.isEmpty()) {
            return new Route(Outcome.NOT_FOUND, null, List.of(), 0, null);
        }
        if (directory.pickupCode(domainId).filter(dialled::equals).isPresent()) {
            return new Route(Outcome.PICKUP, null, List.of(), 0, null);
        }
        Optional<SipAccountLoader.Group> group = directory.group(domainId, dialled);
        if (group.isPresent()) {
            return group(domainId, group.get(), caller == null ? null : caller.userId());
        }
        Optional<SipAccountLoader.Line> found = directory.dialled(domainId, dialled);
        if (found.isEmpty()) {
            return new Route(Outcome.NOT_FOUND, null, List.of(), 0, null);
        }
        SipAccountLoader.Line callee = found.get();
        if (!callee.available()) {
            return new Route(
                    Outcome.UNAVAILABLE, party(callee), List.of(), callee.ringSeconds(), null);
        }
        // Most users have no absence: the day (a zone lookup) is worked out only for those who do.
        if (callee.absentFrom() != null && callee.absentOn(today())) {
            return new Route(Outcome.ABSENT, party(callee), List.of(), callee.ringSeconds(), null);
        }
        List<Device> devices = devices(callee, null);
        return new Route(
                Outcome.DEVICES, party(callee), devices, callee.ringSeconds(), callee.greetingId());
    }

    /**
     * A call to a group's extension (spec C BR-C1, BR-C2, BR-F1; {@link GroupRinging}): the devices
     * of every member who can take it, each device naming its member. The members' greetings are
     * theirs, not the group's: none plays. Channel limits are the SIP layer's count (it skips a
     * member whose channels are all in use when it rings).
     */
    private Route group(long domainId, SipAccountLoader.Group group, Long callerUserId) {
        Group dialled = new Group(group.groupId(), group.name(), group.extension());
        Map<Long, List<Device>> devices = new HashMap<>();
        List<GroupRinging.Member> members = new ArrayList<>();
        LocalDate today = null;
        for (Long userId : group.memberUserIds()) {
            Optional<SipAccountLoader.Line> found = directory.lineOfUser(domainId, userId);
            if (found.isEmpty()) {
                continue; // a member without a SIP number has no phone to ring
            }
            SipAccountLoader.Line line = found.get();
            boolean absent = false;
            if (line.absentFrom() != null) {
                today = today == null ? today() : today;
                absent = line.absentOn(today);
            }
            // Whom to ring is GroupRinging's decision (availability, absence, the caller): here
            // only the facts it needs.
            List<Device> phones = devices(line, party(line));
            devices.put(userId, phones);
            members.add(
                    new GroupRinging.Member(
                            userId,
                            line.available(),
                            absent,
                            !phones.isEmpty(),
                            line.ringSeconds()));
        }
        GroupRinging.Decision decision =
                GroupRinging.decide(group.algorithm(), members, callerUserId);
        if (decision.outcome() != GroupRinging.Outcome.RING) {
            return new Route(Outcome.GROUP_UNAVAILABLE, null, List.of(), 0, null, dialled);
        }
        List<Device> ring = new ArrayList<>();
        for (GroupRinging.Member member : decision.ring()) {
            ring.addAll(devices.get(member.userId()));
        }
        return new Route(Outcome.GROUP, null, ring, decision.ringSeconds(), null, dialled);
    }

    private List<Device> devices(SipAccountLoader.Line line, Party member) {
        return registrations.active(line.sipNumberId(), clock.instant()).stream()
                .map(
                        r ->
                                new Device(
                                        r.contactUri(),
                                        r.sourceAddress(),
                                        r.sourcePort(),
                                        r.transport(),
                                        member))
                .toList();
    }

    @Override
    public Optional<String> pickup(long domainId, long pickerSipNumberId, List<Ringing> ringing) {
        Optional<SipAccountLoader.Line> picker = directory.line(domainId, pickerSipNumberId);
        if (picker.isEmpty() || picker.get().pickupGroupId() == null) {
            return Optional.empty();
        }
        List<CallPickup.Ringing> candidates = new ArrayList<>();
        for (Ringing call : ringing) {
            // A number of another domain is not found in this one: its calls are never candidates.
            directory
                    .line(domainId, call.calleeSipNumberId())
                    .ifPresent(
                            callee ->
                                    candidates.add(
                                            new CallPickup.Ringing(
                                                    call.callId(),
                                                    callee.userId(),
                                                    callee.pickupGroupId(),
                                                    call.ringingSince())));
        }
        return CallPickup.choose(picker.get().userId(), picker.get().pickupGroupId(), candidates);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.displayZone());
    }

    private static Party party(SipAccountLoader.Line line) {
        return new Party(
                line.sipNumberId(),
                line.userId(),
                line.login(),
                line.extension(),
                line.displayName(),
                line.channelLimit());
    }
}

package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.application.users.UserTreeQuery;
import io.vpbx.application.users.UserTreeRow;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PickupGroup;
import io.vpbx.model.tenancy.PickupGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user list of the domain console (spec B §7.1): a flat page, and the tree of BR-1 with the
 * pickup groups first. Each page costs a fixed number of queries, whatever the domain's size: the
 * call groups of the page's users (BR-2) are one query for the whole page, never one per row.
 */
@ApplicationScoped
class UserListing {
    @Inject private DomainUserRepository users;
    @Inject private PickupGroupRepository pickupGroups;
    @Inject private CallGroupRepository callGroups;
    @Inject private SipNumberRepository numbers;
    @Inject private RegistrationStore registrations;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    List<UserRow> list(long domainId, UserListQuery query) {
        List<DomainUser> page =
                users.search(
                        domainId,
                        query.search(),
                        DomainUserRepository.SortKey.valueOf(query.sort().name()),
                        query.ascending(),
                        query.first(),
                        query.pageSize());
        return rows(domainId, page, groupNames(domainId));
    }

    long treeRowCount(long domainId, UserTreeQuery query) {
        return UserTreeLayout.rowCount(sections(domainId, query, groupsOf(domainId)));
    }

    List<UserTreeRow> tree(long domainId, UserTreeQuery query) {
        List<PickupGroup> groups = groupsOf(domainId);
        List<UserTreeLayout.Section> sections = sections(domainId, query, groups);
        List<UserTreeLayout.Slot> slots =
                UserTreeLayout.page(sections, query.first(), query.pageSize());
        long firstUser = -1;
        int userCount = 0;
        for (UserTreeLayout.Slot slot : slots) {
            if (!slot.isHeader()) {
                firstUser = firstUser < 0 ? slot.userIndex() : firstUser;
                userCount++;
            }
        }
        List<UserRow> userRows = List.of();
        if (userCount > 0) {
            List<Long> hidden = new ArrayList<>();
            boolean hideUngrouped = false;
            for (UserTreeLayout.Section s : sections) {
                if (s.visibleUsers() == 0 && s.members() > 0) {
                    if (s.groupId() == null) {
                        hideUngrouped = true;
                    } else {
                        hidden.add(s.groupId());
                    }
                }
            }
            List<DomainUser> page =
                    users.searchInTreeOrder(
                            domainId,
                            query.search(),
                            hidden,
                            hideUngrouped,
                            DomainUserRepository.SortKey.valueOf(query.sort().name()),
                            query.ascending(),
                            (int) firstUser,
                            userCount);
            userRows = rows(domainId, page, names(groups));
        }
        List<UserTreeRow> rows = new ArrayList<>(slots.size());
        int next = 0;
        for (UserTreeLayout.Slot slot : slots) {
            UserTreeLayout.Section s = slot.section();
            if (slot.isHeader()) {
                rows.add(
                        new UserTreeRow(
                                s.groupId() == null
                                        ? UserTreeRow.Kind.NO_GROUP
                                        : UserTreeRow.Kind.GROUP,
                                s.groupId(),
                                s.name(),
                                s.members(),
                                s.collapsed(),
                                null));
            } else if (next < userRows.size()) {
                // Fewer users than counted: some were deleted between the two queries.
                UserRow user = userRows.get(next++);
                rows.add(
                        new UserTreeRow(
                                UserTreeRow.Kind.USER, user.pickupGroupId(), null, 0, false, user));
            }
        }
        return rows;
    }

    private List<PickupGroup> groupsOf(long domainId) {
        return pickupGroups.listByDomain(domainId);
    }

    /**
     * The tree's sections: every group (while searching, only those with a matching member), then
     * the users in no group, with a header of their own only if a group is shown above them.
     */
    private List<UserTreeLayout.Section> sections(
            long domainId, UserTreeQuery query, List<PickupGroup> groups) {
        String search = query.search();
        Map<Long, Long> counts = users.countMatchingByPickupGroup(domainId, search);
        long all = users.countMatching(domainId, search);
        long grouped = 0;
        List<UserTreeLayout.Section> sections = new ArrayList<>(groups.size() + 1);
        Set<Long> collapsed = query.collapsedGroups();
        for (PickupGroup g : groups) {
            long members = counts.getOrDefault(g.id(), 0L);
            grouped += members;
            if (search != null && members == 0) {
                continue;
            }
            sections.add(
                    new UserTreeLayout.Section(
                            g.id(), g.name(), members, collapsed.contains(g.id()), true));
        }
        long ungrouped = Math.max(0, all - grouped);
        if (ungrouped > 0) {
            boolean header = !sections.isEmpty();
            sections.add(
                    new UserTreeLayout.Section(
                            null, null, ungrouped, header && query.ungroupedCollapsed(), header));
        }
        return sections;
    }

    private Map<Long, String> groupNames(long domainId) {
        return names(groupsOf(domainId));
    }

    private static Map<Long, String> names(List<PickupGroup> groups) {
        return groups.stream().collect(Collectors.toMap(PickupGroup::id, PickupGroup::name));
    }

    private List<UserRow> rows(long domainId, List<DomainUser> page, Map<Long, String> groups) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.displayZone());
        Map<Long, SipNumber> byUser = new HashMap<>();
        Map<Long, List<String>> callGroupsOf = new HashMap<>();
        if (!page.isEmpty()) {
            callGroupsOf = callGroupNames(domainId, page.stream().map(DomainUser::id).toList());
            byUser =
                    numbers
                            .listByUsers(domainId, page.stream().map(DomainUser::id).toList())
                            .stream()
                            .collect(
                                    Collectors.toMap(
                                            SipNumber::userId, Function.identity(), (a, b) -> a));
        }
        List<UserRow> rows = new ArrayList<>(page.size());
        for (DomainUser u : page) {
            SipNumber number = byUser.get(u.id());
            rows.add(
                    new UserRow(
                            u.id(),
                            u.extension() == null ? null : u.extension().value(),
                            u.displayName(),
                            u.login().value(),
                            u.jobTitle(),
                            u.email() == null ? null : u.email().value(),
                            number != null && number.isEnabled(),
                            number == null ? 0 : registrations.active(number.id(), now).size(),
                            u.recordsCalls(),
                            u.isAdmin(),
                            u.pickupGroupId(),
                            u.pickupGroupId() == null ? null : groups.get(u.pickupGroupId()),
                            u.isContactCenterOperator(),
                            u.outgoingRestriction(),
                            u.isAbsentOn(today),
                            callGroupsOf.getOrDefault(u.id(), List.of())));
        }
        return rows;
    }

    /** The names of each user's call groups, by name: the page's memberships in one query. */
    private Map<Long, List<String>> callGroupNames(long domainId, List<Long> userIds) {
        List<CallGroupMember> memberships = callGroups.membershipsOf(domainId, userIds);
        if (memberships.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names =
                callGroups.listByDomain(domainId).stream()
                        .collect(Collectors.toMap(CallGroup::id, CallGroup::name));
        Map<Long, List<String>> result = new HashMap<>();
        for (CallGroupMember m : memberships) {
            String name = names.get(m.groupId());
            if (name != null) {
                result.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(name);
            }
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        result.values().forEach(list -> list.sort(collator));
        return result;
    }
}

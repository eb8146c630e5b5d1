package io.vpbx.infrastructure.persistence;

import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.groups.MemberSummary;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCallGroupRepository implements CallGroupRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<CallGroup> findInDomain(long domainId, long groupId) {
        return em.createQuery(
                        "select g from CallGroup g where g.id = :id and g.domainId = :domain",
                        CallGroup.class)
                .setParameter("id", groupId)
                .setParameter("domain", domainId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<CallGroup> findByName(long domainId, String name) {
        return em.createQuery(
                        "select g from CallGroup g where g.domainId = :domain"
                                + " and lower(g.name) = lower(:name)",
                        CallGroup.class)
                .setParameter("domain", domainId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<CallGroup> findByExtension(long domainId, Extension extension) {
        return em.createQuery(
                        "select g from CallGroup g where g.domainId = :domain"
                                + " and g.extension = :extension",
                        CallGroup.class)
                .setParameter("domain", domainId)
                .setParameter("extension", extension.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<CallGroup> listByDomain(long domainId) {
        return em.createQuery(
                        "select g from CallGroup g where g.domainId = :domain order by g.name, g.id",
                        CallGroup.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public List<String> extensionsInDomain(long domainId) {
        return em.createQuery(
                        "select g.extension from CallGroup g where g.domainId = :domain",
                        String.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public CallGroup add(CallGroup group) {
        em.persist(group);
        return group;
    }

    @Override
    public void remove(CallGroup group) {
        for (CallGroupMember member : members(group.domainId(), group.id())) {
            em.remove(member);
        }
        em.remove(group);
    }

    @Override
    public List<CallGroupMember> members(long domainId, long groupId) {
        return em.createQuery(
                        "select m from CallGroupMember m where m.domainId = :domain"
                                + " and m.groupId = :group order by m.id",
                        CallGroupMember.class)
                .setParameter("domain", domainId)
                .setParameter("group", groupId)
                .getResultList();
    }

    @Override
    public List<CallGroupMember> membershipsOf(long domainId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select m from CallGroupMember m where m.domainId = :domain"
                                + " and m.userId in :users order by m.id",
                        CallGroupMember.class)
                .setParameter("domain", domainId)
                .setParameter("users", userIds)
                .getResultList();
    }

    @Override
    public List<CallGroupMember> membershipsInDomain(long domainId) {
        return em.createQuery(
                        "select m from CallGroupMember m where m.domainId = :domain order by m.id",
                        CallGroupMember.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public CallGroupMember addMember(CallGroupMember member) {
        em.persist(member);
        return member;
    }

    @Override
    public void removeMember(CallGroupMember member) {
        em.remove(member);
    }

    @Override
    public List<MemberSummary> memberSummaries(long domainId) {
        return em.createQuery(
                        "select new io.vpbx.model.groups.MemberSummary("
                                + "m.groupId, u.id, u.displayName, u.contactCenterOperator)"
                                + " from CallGroupMember m, DomainUser u"
                                + " where m.domainId = :domain and u.domainId = :domain"
                                + " and u.id = m.userId order by m.id",
                        MemberSummary.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public List<DomainUser> memberUsers(long domainId, long groupId) {
        return em.createQuery(
                        "select u from CallGroupMember m, DomainUser u"
                                + " where m.domainId = :domain and m.groupId = :group"
                                + " and u.domainId = :domain and u.id = m.userId order by m.id",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .setParameter("group", groupId)
                .getResultList();
    }
}

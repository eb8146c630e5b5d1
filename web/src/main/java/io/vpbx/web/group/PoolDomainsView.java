package io.vpbx.web.group;

import io.vpbx.application.pool.PoolDomainInfo;
import io.vpbx.application.pool.PoolDomainRow;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pool console's domain list (spec A SCR-P4): subgroups with their domains, search, the bulk
 * bar with "N of M selected", subgroup create/rename/delete, domain rename and info, and the jump
 * into a domain's console. What the caller may do is decided by the service; this bean shows only
 * the controls that apply.
 */
@Named
@ViewScoped
public class PoolDomainsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient PoolDomainsService poolDomains;

    private String search;
    private List<SubgroupNode> tree;
    private final Map<Long, Boolean> selected = new HashMap<>();

    private String groupName;
    private Long targetSubgroupId;
    private SubgroupNode editedGroup;
    private PoolDomainRow renamedDomain;
    private String newDomainName;
    private PoolDomainInfo info;

    public List<SubgroupNode> getTree() {
        if (tree == null) {
            tree = poolDomains.domainTree(search);
        }
        return tree;
    }

    /**
     * Applies the search. The selection is cleared: a domain the search hides must not be moved by
     * an action on what is shown.
     */
    public void find() {
        reload();
    }

    private void reload() {
        tree = null;
        selected.clear();
    }

    public int getSelectedCount() {
        return selectedIds().size();
    }

    public long getDomainCount() {
        return getTree().stream().mapToLong(n -> n.domains().size()).sum();
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    /** The header checkbox: selects every domain shown, or none. */
    public void selectAll(boolean all) {
        selected.clear();
        if (all) {
            getTree().forEach(n -> n.domains().forEach(d -> selected.put(d.id(), true)));
        }
    }

    private Set<Long> selectedIds() {
        return selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    public void prepareGroupName() {
        groupName = null;
    }

    public void createGroup() {
        if (UiActions.attempt(
                () -> poolDomains.createSubgroup(groupName),
                Map.of("name", "newGroupForm:groupName"))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void addToNewGroup() {
        if (UiActions.attempt(
                () -> poolDomains.addDomainsToNewSubgroup(groupName, selectedIds()),
                Map.of("name", "addToNewGroupForm:groupName"))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void move() {
        if (targetSubgroupId == null) {
            UiActions.error("moveForm:target", "error.field.required");
            return;
        }
        if (UiActions.attempt(() -> poolDomains.moveDomains(selectedIds(), targetSubgroupId))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void removeFromGroup() {
        if (UiActions.attempt(() -> poolDomains.removeDomainsFromSubgroup(selectedIds()))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void editGroup(SubgroupNode group) {
        editedGroup = group;
        groupName = group.name();
    }

    public void renameGroup() {
        if (UiActions.attempt(
                () ->
                        poolDomains.renameSubgroup(
                                editedGroup.id(), editedGroup.version(), groupName),
                Map.of("name", "editGroupForm:groupName"))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void deleteGroup() {
        if (UiActions.attempt(() -> poolDomains.deleteSubgroup(editedGroup.id()))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void prepareRename(PoolDomainRow domain) {
        renamedDomain = domain;
        newDomainName = domain.displayName();
    }

    public void renameDomain() {
        if (UiActions.attempt(
                () ->
                        poolDomains.renameDomain(
                                renamedDomain.id(), renamedDomain.version(), newDomainName),
                Map.of("displayName", "renameDomainForm:newName"))) {
            UiActions.info("group.domains.done");
            reload();
        }
    }

    public void showInfo(PoolDomainRow domain) {
        UiActions.attempt(() -> info = poolDomains.domainInfo(domain.id()));
    }

    /**
     * The jump into a domain's console: the form posts to a new tab (target _blank), and this
     * redirects that tab to the domain console's landing point with a single-use token.
     */
    public void jump(long domainId) throws IOException {
        String[] token = new String[1];
        if (UiActions.attempt(() -> token[0] = poolDomains.issueConsoleJump(domainId))) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(
                    external.getRequestContextPath()
                            + "/domain/jump?token="
                            + URLEncoder.encode(token[0], StandardCharsets.US_ASCII));
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public Long getTargetSubgroupId() {
        return targetSubgroupId;
    }

    public void setTargetSubgroupId(Long targetSubgroupId) {
        this.targetSubgroupId = targetSubgroupId;
    }

    public SubgroupNode getEditedGroup() {
        return editedGroup;
    }

    public PoolDomainRow getRenamedDomain() {
        return renamedDomain;
    }

    public String getNewDomainName() {
        return newDomainName;
    }

    public void setNewDomainName(String newDomainName) {
        this.newDomainName = newDomainName;
    }

    public PoolDomainInfo getInfo() {
        return info;
    }
}

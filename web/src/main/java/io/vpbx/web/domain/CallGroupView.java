package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupDetails;
import io.vpbx.application.groups.CallGroupMemberRow;
import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.web.domain.CallGroupMemberPicker.PickedUser;
import io.vpbx.web.shared.Messages;
import io.vpbx.web.shared.UiActions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call group's page (spec C S3 frame and S3.1 «Основное»): the general settings saved with the
 * version the page loaded (a concurrent edit is refused), the members with their tags and the bulk
 * bar, «Добавить участников» (applied on its «Сохранить» only) and the deletion of the group, whose
 * members stay users of the domain. A group of another domain is «not found», never shown.
 */
@Named
@ViewScoped
public class CallGroupView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient CallGroupsService service;
    @Inject private transient DomainUsersService users;

    private Long groupId;
    private transient CallGroupDetails details;
    private long version;
    private String name;
    private String extension;
    private DistributionAlgorithm algorithm;
    private boolean missing;
    private final Map<Long, Boolean> selected = new HashMap<>();
    private boolean allSelected;
    private final CallGroupMemberPicker picker = new CallGroupMemberPicker();

    @PostConstruct
    void open() {
        String id =
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .get("id");
        try {
            groupId = Long.valueOf(id);
        } catch (NumberFormatException e) {
            missing = true;
            UiActions.error(null, "error.callGroup.notFound");
            return;
        }
        reload();
    }

    private void reload() {
        if (!UiActions.attempt(() -> details = service.group(groupId))) {
            missing = true;
            details = null;
            return;
        }
        version = details.version();
        name = details.name();
        extension = details.extension();
        algorithm = details.algorithm();
        selected.keySet().retainAll(details.members().stream().map(m -> m.userId()).toList());
        allSelected = false;
    }

    public CallGroupDetails getDetails() {
        if (details == null && !missing && groupId != null) {
            reload();
        }
        return details;
    }

    public boolean isMissing() {
        return missing;
    }

    public DistributionAlgorithm[] getAlgorithms() {
        return DistributionAlgorithm.values();
    }

    /**
     * Priority orders the operators of an ACD queue only (spec C BR-D2); neither algorithm there is
     * yet uses it, so the column is shown read-only.
     */
    public boolean isPriorityEditable() {
        return false;
    }

    /** «Сохранить изменения» (BR-H7). */
    public void save() {
        CallGroupSettings settings = new CallGroupSettings(name, extension, algorithm);
        if (UiActions.attempt(
                () -> service.changeGroup(groupId, version, settings),
                Map.of("name", "groupForm:name", "extension", "groupForm:extension"))) {
            reload();
            UiActions.info("callGroups.saved");
        }
    }

    /** «Удалить группу» after its confirmation (BR-H9): back to the list with a message. */
    public String delete() {
        String deleted = details == null ? name : details.name();
        int[] members = new int[1];
        if (UiActions.attempt(() -> members[0] = service.deleteGroup(groupId))) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            UiActions.info("callGroups.deleted", deleted, members[0]);
            return "/domain/groups/list?faces-redirect=true";
        }
        return null;
    }

    /** «X операторов, Y пользователей» (BR-H4): operators, then the members who are not. */
    public String getCounts() {
        CallGroupDetails d = getDetails();
        if (d == null) {
            return "";
        }
        int operators = (int) d.members().stream().filter(CallGroupMemberRow::operator).count();
        int others = d.members().size() - operators;
        return Messages.count(operators, "callGroups.operators")
                + ", "
                + Messages.count(others, "callGroups.users");
    }

    /** The member's other groups, for the tag beside «Нет прочих групп». */
    public String otherGroups(CallGroupMemberRow member) {
        return String.join(", ", member.otherGroups());
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public int getSelectedCount() {
        return selectedIds().size();
    }

    private List<Long> selectedIds() {
        return selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public boolean isAllSelected() {
        return allSelected;
    }

    /** The header's checkbox ticks or unticks every member. */
    public void setAllSelected(boolean all) {
        this.allSelected = all;
        CallGroupDetails d = getDetails();
        if (d != null) {
            d.members().forEach(m -> selected.put(m.userId(), all));
        }
    }

    /** The row's «Сделать оператором» link (BR-H5, BR-H6). */
    public void makeOperator(CallGroupMemberRow member) {
        if (UiActions.attempt(() -> service.makeOperators(groupId, List.of(member.userId())))) {
            reload();
            UiActions.info("callGroups.madeOperator", member.displayName());
        }
    }

    /** The bulk bar's «Сделать операторами» (BR-H3). */
    public void makeSelectedOperators() {
        List<Long> ids = selectedIds();
        int[] made = new int[1];
        if (UiActions.attempt(() -> made[0] = service.makeOperators(groupId, ids))) {
            selected.clear();
            reload();
            UiActions.info("callGroups.madeOperators", made[0]);
        }
    }

    /** The bulk bar's «Включить запись разговоров» (BR-H3). */
    public void recordSelected() {
        List<Long> ids = selectedIds();
        int[] changed = new int[1];
        if (UiActions.attempt(() -> changed[0] = service.recordCalls(groupId, ids))) {
            selected.clear();
            reload();
            UiActions.info("callGroups.recording", changed[0]);
        }
    }

    /** The bulk bar's «Удалить из группы» (BR-H3): they stay users of the domain. */
    public void removeSelected() {
        List<Long> ids = selectedIds();
        int[] removed = new int[1];
        if (UiActions.attempt(() -> removed[0] = service.removeMembers(groupId, ids))) {
            selected.clear();
            reload();
            UiActions.info("callGroups.removed", removed[0]);
        }
    }

    public void clearSelection() {
        selected.clear();
        allSelected = false;
    }

    /** Opens «Добавить участников» with the current members on the right. */
    public void startAddMembers() {
        CallGroupDetails d = getDetails();
        picker.reset(
                d == null
                        ? List.of()
                        : d.members().stream()
                                .map(
                                        m ->
                                                new PickedUser(
                                                        m.userId(),
                                                        m.displayName(),
                                                        m.login(),
                                                        m.extension(),
                                                        m.operator(),
                                                        String.join(", ", m.otherGroups())))
                                .toList());
    }

    public CallGroupMemberPicker getPicker() {
        return picker;
    }

    public List<PickedUser> getCandidates() {
        return picker.candidates(users, service);
    }

    /** «Сохранить» of the dialog (BR-H1): the members become exactly the right-hand list. */
    public void saveMembers() {
        List<Long> ids = picker.chosenIds();
        if (UiActions.attempt(() -> service.setMembers(groupId, ids))) {
            selected.clear();
            reload();
            UiActions.info("callGroups.membersSaved", ids.size());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public DistributionAlgorithm getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(DistributionAlgorithm algorithm) {
        this.algorithm = algorithm;
    }
}

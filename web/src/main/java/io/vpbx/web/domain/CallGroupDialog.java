package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.web.domain.CallGroupMemberPicker.PickedUser;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * «Новая группа» (spec C S2, BR-A3..BR-A5): a name, an extension proposed from the domain's
 * numbering plan, the distribution algorithm and the members. «Создать» stays disabled until the
 * name is filled; on success the browser goes to the new group's page.
 */
@Named
@ViewScoped
public class CallGroupDialog implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient CallGroupsService groups;
    @Inject private transient DomainUsersService users;

    private String name;
    private String extension;
    private DistributionAlgorithm algorithm = DistributionAlgorithm.NOT_SET;
    private final CallGroupMemberPicker picker = new CallGroupMemberPicker();

    /** Opens the dialog empty, with the next free extension proposed. */
    public void start() {
        name = null;
        algorithm = DistributionAlgorithm.NOT_SET;
        picker.reset(List.of());
        extension = null;
        UiActions.attempt(() -> extension = groups.nextFreeExtension());
    }

    /**
     * Only the algorithms the platform can run: the ACD ones come with the contact-centre service
     * (spec C BR-B1).
     */
    public DistributionAlgorithm[] getAlgorithms() {
        return DistributionAlgorithm.values();
    }

    public List<PickedUser> getCandidates() {
        return picker.candidates(users, groups);
    }

    public CallGroupMemberPicker getPicker() {
        return picker;
    }

    /** «Создать» stays disabled until the name is filled (BR-A4). */
    public boolean isReady() {
        return name != null && !name.isBlank();
    }

    /** Creates the group and opens its page; on a refusal the dialog stays open with the error. */
    public String create() {
        long[] id = new long[1];
        CallGroupSettings settings = new CallGroupSettings(name, extension, algorithm);
        if (UiActions.attempt(
                () -> id[0] = groups.createGroup(settings, picker.chosenIds()),
                Map.of(
                        "name", "callGroupForm:name",
                        "extension", "callGroupForm:extension"))) {
            return "/domain/groups/group?faces-redirect=true&id=" + id[0];
        }
        return null;
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

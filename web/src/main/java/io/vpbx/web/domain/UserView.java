package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupRef;
import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.media.AudioFileRow;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.application.users.UserChanges;
import io.vpbx.application.users.UserDetails;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.tenancy.OutgoingRestriction;
import io.vpbx.web.shared.UiActions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user page's main tab (spec B §7.5, seed 002): the employee's fields and flags, and their SIP
 * number with its credentials, limits, a temporary disable and the current registrations. The
 * version loaded with the page goes back with «Сохранить», so a second admin saving over the first
 * gets «changed by someone else».
 *
 * <p>The header's call-group chips (spec B BR-32): ✕ on a chip takes the user out of that group,
 * «Добавить группу» opens a multi-select of the other groups with a search. Each change is saved at
 * once, through the call-group service, and recorded on the user.
 */
@Named
@ViewScoped
public class UserView implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Seed 002: up to four devices at once per SIP number. */
    public static final int MAX_DEVICES = 4;

    @Inject private transient DomainUsersService service;
    @Inject private transient AudioFilesService audioFiles;
    @Inject private transient CallGroupsService callGroups;

    private Long userId;
    private transient UserDetails details;
    private long version;
    private String displayName;
    private String extension;
    private String jobTitle;
    private String email;
    private boolean recordCalls;
    private boolean admin;
    private boolean voicemailToEmail;
    private boolean operator;
    private OutgoingRestriction outgoingRestriction;
    private LocalDate absentFrom;
    private LocalDate absentUntil;
    private Long greetingId;
    private Long ringbackId;
    private Long musicOnHoldId;
    private transient List<AudioFileRow> greetings;
    private transient List<AudioFileRow> music;
    private int deviceLimit;
    private int channelLimit;
    private int ringSeconds;
    private boolean sipEnabled;
    private boolean md5Only;
    private String newSipPassword;
    private boolean missing;
    private transient List<CallGroupRef> groupsOfUser;
    private transient List<CallGroupRow> allGroups;
    private Long[] groupsToAdd = new Long[0];
    private transient List<CallGroupRef> leftEmpty = List.of();

    @PostConstruct
    void open() {
        String id =
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .get("id");
        try {
            userId = Long.valueOf(id);
        } catch (NumberFormatException e) {
            missing = true;
            UiActions.error(null, "error.notFound", "user");
            return;
        }
        reload();
    }

    private void reload() {
        if (!UiActions.attempt(() -> details = service.userDetails(userId))) {
            missing = true;
            return;
        }
        version = details.version();
        displayName = details.displayName();
        extension = details.extension();
        jobTitle = details.jobTitle();
        email = details.email();
        recordCalls = details.recordCalls();
        admin = details.admin();
        voicemailToEmail = details.voicemailToEmail();
        operator = details.operator();
        outgoingRestriction = details.outgoingRestriction();
        absentFrom = details.absentFrom();
        absentUntil = details.absentUntil();
        greetingId = details.greetingId();
        ringbackId = details.ringbackId();
        musicOnHoldId = details.musicOnHoldId();
        SipNumberSettings sip = details.sipNumber();
        deviceLimit = sip.deviceLimit();
        channelLimit = sip.channelLimit();
        ringSeconds = sip.ringSeconds();
        sipEnabled = sip.enabled();
        md5Only = sip.md5Only();
    }

    public UserDetails getDetails() {
        if (details == null && !missing && userId != null) {
            reload();
        }
        return details;
    }

    public boolean isMissing() {
        return missing;
    }

    public void save() {
        UserChanges changes =
                new UserChanges(
                        version,
                        displayName,
                        extension,
                        jobTitle,
                        email,
                        recordCalls,
                        admin,
                        voicemailToEmail,
                        operator,
                        outgoingRestriction,
                        absentFrom,
                        absentUntil,
                        greetingId,
                        ringbackId,
                        musicOnHoldId);
        if (UiActions.attempt(
                () -> service.changeUser(userId, changes),
                Map.of(
                        "displayName", "userForm:displayName",
                        "extension", "userForm:extension",
                        "jobTitle", "userForm:jobTitle",
                        "email", "userForm:email",
                        "admin", "userForm:admin",
                        "absentUntil", "userForm:absentUntil",
                        "greetingId", "userForm:greeting",
                        "ringbackId", "userForm:ringback",
                        "musicOnHoldId", "userForm:musicOnHold"))) {
            reload();
            UiActions.info("users.saved");
        }
    }

    public void saveSipNumber() {
        SipNumberSettings settings =
                new SipNumberSettings(deviceLimit, channelLimit, sipEnabled, md5Only, ringSeconds);
        if (UiActions.attempt(
                () -> service.changeSipNumber(userId, settings),
                Map.of(
                        "deviceLimit", "sipForm:deviceLimit",
                        "channelLimit", "sipForm:channelLimit",
                        "ringSeconds", "sipForm:ringSeconds"))) {
            reload();
            UiActions.info(sipEnabled ? "users.sipSaved" : "users.sipDisabledSaved");
        }
    }

    /** Generates a new SIP password and shows it once. */
    public void resetSipPassword() {
        String[] password = new String[1];
        if (UiActions.attempt(() -> password[0] = service.resetSipPassword(userId))) {
            newSipPassword = password[0];
            reload();
            UiActions.info("users.sipPasswordReset");
        }
    }

    /**
     * «Отправить данные на e-mail»: the console login and the SIP credentials, in the page's
     * language.
     */
    public void sendCredentials() {
        if (UiActions.attempt(
                () ->
                        service.sendCredentials(
                                userId,
                                FacesContext.getCurrentInstance().getViewRoot().getLocale()),
                Map.of("email", "sipForm:sendCredentials"))) {
            UiActions.info("userPage.credentialsSent", details.email());
        }
    }

    /** The user's call groups by name: the header's chips. */
    public List<CallGroupRef> getCallGroups() {
        if (groupsOfUser == null && !missing && userId != null) {
            List<CallGroupRef> found = new ArrayList<>();
            UiActions.attempt(() -> found.addAll(callGroups.groupsOf(userId)));
            groupsOfUser = found;
        }
        return groupsOfUser == null ? List.of() : groupsOfUser;
    }

    /**
     * «Удалить пользователя» (spec B §7.5, BR-34): before the confirmation opens, the call groups
     * the user is the only member of are looked up, so it can name them.
     */
    public void prepareDelete() {
        List<CallGroupRef> found = new ArrayList<>();
        if (!UiActions.attempt(
                () -> found.addAll(callGroups.groupsLeftEmptyWithout(List.of(userId))))) {
            found.clear();
        }
        leftEmpty = found;
    }

    /** The names of the groups the deletion leaves with no member; empty for none. */
    public String getLeftEmptyNames() {
        return leftEmpty == null
                ? ""
                : String.join(", ", leftEmpty.stream().map(CallGroupRef::name).toList());
    }

    /** The confirmed deletion: back to the user list with a message. */
    public String delete() {
        String name = details == null ? "" : details.displayName();
        if (UiActions.attempt(() -> service.deleteUsers(List.of(userId)))) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            UiActions.info("users.deletedOne", name);
            return "/domain/users/list?faces-redirect=true";
        }
        return null;
    }

    /** ✕ on a chip: the user leaves that group and stays in the others. */
    public void removeGroup(CallGroupRef group) {
        List<Long> keep =
                getCallGroups().stream()
                        .map(CallGroupRef::id)
                        .filter(id -> id != group.id())
                        .toList();
        if (UiActions.attempt(() -> callGroups.setGroupsOf(userId, keep))) {
            groupsOfUser = null;
            UiActions.info("userGroups.left", group.name());
        }
    }

    /** «Добавить группу»: the dialog opens with nothing chosen and no search. */
    public void startAddGroups() {
        allGroups = null;
        groupsToAdd = new Long[0];
    }

    /** The groups the user is not in; the dialog's list searches them as the admin types. */
    public List<CallGroupRow> getGroupCandidates() {
        if (allGroups == null) {
            List<CallGroupRow> found = new ArrayList<>();
            UiActions.attempt(() -> found.addAll(callGroups.listGroups()));
            allGroups = found;
        }
        Set<Long> mine =
                new LinkedHashSet<>(getCallGroups().stream().map(CallGroupRef::id).toList());
        return allGroups.stream().filter(g -> !mine.contains(g.id())).toList();
    }

    /** «Сохранить» stays disabled until a group is chosen (BR-32). */
    public boolean isGroupsToAddChosen() {
        return groupsToAdd != null && groupsToAdd.length > 0;
    }

    /** «Сохранить»: the user joins the chosen groups and keeps the ones they are in. */
    public void addGroups() {
        if (!isGroupsToAddChosen()) {
            UiActions.error(null, "userGroups.chooseGroups");
            return;
        }
        Set<Long> wanted = new LinkedHashSet<>();
        getCallGroups().forEach(g -> wanted.add(g.id()));
        int before = wanted.size();
        wanted.addAll(Arrays.asList(groupsToAdd));
        if (UiActions.attempt(() -> callGroups.setGroupsOf(userId, List.copyOf(wanted)))) {
            groupsOfUser = null;
            groupsToAdd = new Long[0];
            UiActions.info("userGroups.joined", wanted.size() - before);
        }
    }

    public Long[] getGroupsToAdd() {
        return groupsToAdd;
    }

    public void setGroupsToAdd(Long[] groupsToAdd) {
        this.groupsToAdd = groupsToAdd;
    }

    /** The domain's greetings to choose from. */
    public List<AudioFileRow> getGreetings() {
        if (greetings == null) {
            greetings = audioFiles.list(AudioKind.GREETING);
        }
        return greetings;
    }

    /** The domain's music files, for ringback and music on hold. */
    public List<AudioFileRow> getMusic() {
        if (music == null) {
            music = audioFiles.list(AudioKind.MUSIC);
        }
        return music;
    }

    public OutgoingRestriction[] getRestrictions() {
        return OutgoingRestriction.values();
    }

    /** The SIP password just generated; {@code null} once the page is left. */
    public String getNewSipPassword() {
        return newSipPassword;
    }

    public int getMaxDevices() {
        return MAX_DEVICES;
    }

    public Long getUserId() {
        return userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isRecordCalls() {
        return recordCalls;
    }

    public void setRecordCalls(boolean recordCalls) {
        this.recordCalls = recordCalls;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public boolean isVoicemailToEmail() {
        return voicemailToEmail;
    }

    public void setVoicemailToEmail(boolean voicemailToEmail) {
        this.voicemailToEmail = voicemailToEmail;
    }

    public boolean isOperator() {
        return operator;
    }

    public void setOperator(boolean operator) {
        this.operator = operator;
    }

    public OutgoingRestriction getOutgoingRestriction() {
        return outgoingRestriction;
    }

    public void setOutgoingRestriction(OutgoingRestriction outgoingRestriction) {
        this.outgoingRestriction = outgoingRestriction;
    }

    public LocalDate getAbsentFrom() {
        return absentFrom;
    }

    public void setAbsentFrom(LocalDate absentFrom) {
        this.absentFrom = absentFrom;
    }

    public LocalDate getAbsentUntil() {
        return absentUntil;
    }

    public void setAbsentUntil(LocalDate absentUntil) {
        this.absentUntil = absentUntil;
    }

    public Long getGreetingId() {
        return greetingId;
    }

    public void setGreetingId(Long greetingId) {
        this.greetingId = greetingId;
    }

    public Long getRingbackId() {
        return ringbackId;
    }

    public void setRingbackId(Long ringbackId) {
        this.ringbackId = ringbackId;
    }

    public Long getMusicOnHoldId() {
        return musicOnHoldId;
    }

    public void setMusicOnHoldId(Long musicOnHoldId) {
        this.musicOnHoldId = musicOnHoldId;
    }

    public int getDeviceLimit() {
        return deviceLimit;
    }

    public void setDeviceLimit(int deviceLimit) {
        this.deviceLimit = deviceLimit;
    }

    public int getChannelLimit() {
        return channelLimit;
    }

    public void setChannelLimit(int channelLimit) {
        this.channelLimit = channelLimit;
    }

    public int getRingSeconds() {
        return ringSeconds;
    }

    public void setRingSeconds(int ringSeconds) {
        this.ringSeconds = ringSeconds;
    }

    public boolean isSipEnabled() {
        return sipEnabled;
    }

    public void setSipEnabled(boolean sipEnabled) {
        this.sipEnabled = sipEnabled;
    }

    public boolean isMd5Only() {
        return md5Only;
    }

    public void setMd5Only(boolean md5Only) {
        this.md5Only = md5Only;
    }
}

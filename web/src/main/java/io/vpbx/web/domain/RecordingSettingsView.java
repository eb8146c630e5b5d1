package io.vpbx.web.domain;

import io.vpbx.application.recording.RecordingSettings;
import io.vpbx.application.recording.RecordingSettingsService;
import io.vpbx.application.recording.UserRecordingRow;
import io.vpbx.model.recording.RecordingRetention;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * «Запись разговоров» (spec E §10.1): retention, the domain default, and the users' toggles with a
 * filter, a bulk bar for the selected users, and «Включить для всех» / «Выключить» for everybody.
 */
@Named
@ViewScoped
public class RecordingSettingsView implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The list filter (R-REC-5; "analytics enabled" arrives with speech analytics). */
    public enum Filter {
        ALL,
        RECORDING
    }

    @Inject private transient RecordingSettingsService service;

    private transient RecordingSettings settings;
    private transient List<UserRecordingRow> users;
    private RecordingRetention retention;
    private Boolean recordAllCalls;
    private HashMap<Long, Boolean> flags;
    private Filter filter = Filter.ALL;
    private final Map<Long, Boolean> selected = new HashMap<>();

    public RecordingSettings getSettings() {
        if (settings == null) {
            settings = service.settings();
        }
        return settings;
    }

    private void reload() {
        settings = null;
        users = null;
        flags = null;
        recordAllCalls = null;
    }

    private List<UserRecordingRow> allUsers() {
        if (users == null) {
            users = service.users();
        }
        return users;
    }

    /** The users the filter shows. */
    public List<UserRecordingRow> getUsers() {
        return filter == Filter.RECORDING
                ? allUsers().stream().filter(UserRecordingRow::recordCalls).toList()
                : allUsers();
    }

    public RecordingRetention getRetention() {
        if (retention == null) {
            retention = getSettings().retention();
        }
        return retention;
    }

    public void setRetention(RecordingRetention retention) {
        this.retention = retention;
    }

    public RecordingRetention[] getRetentions() {
        return RecordingRetention.values();
    }

    /** Whether the chosen retention is shorter than the saved one (the page warns). */
    public boolean isShortening() {
        return getRetention().months() < getSettings().retention().months();
    }

    public void saveRetention() {
        int[] expired = new int[1];
        if (UiActions.attempt(() -> expired[0] = service.changeRetention(retention))) {
            reload();
            UiActions.info("recording.retentionSaved", expired[0]);
        }
    }

    public boolean isRecordAllCalls() {
        if (recordAllCalls == null) {
            recordAllCalls = getSettings().recordAllCalls();
        }
        return recordAllCalls;
    }

    public void setRecordAllCalls(boolean recordAll) {
        this.recordAllCalls = recordAll;
    }

    /** Applies the domain default as soon as it is ticked or unticked. */
    public void saveRecordAllCalls() {
        boolean wanted = isRecordAllCalls();
        if (UiActions.attempt(() -> service.changeRecordAllCalls(wanted))) {
            reload();
            UiActions.info(wanted ? "recording.allCallsOn" : "recording.allCallsOff");
        }
    }

    /** The users' «Запись разговоров» toggles, by user id. */
    public Map<Long, Boolean> getFlags() {
        if (flags == null) {
            flags = new HashMap<>();
            allUsers().forEach(u -> flags.put(u.userId(), u.recordCalls()));
        }
        return flags;
    }

    /** Applies one user's toggle at once. */
    public void toggle(long userId) {
        boolean wanted = Boolean.TRUE.equals(getFlags().get(userId));
        if (UiActions.attempt(() -> service.changeUserRecording(List.of(userId), wanted))) {
            reload();
        }
    }

    public void enableSelected() {
        changeSelected(true);
    }

    public void disableSelected() {
        changeSelected(false);
    }

    private void changeSelected(boolean record) {
        List<Long> ids = selectedIds();
        int[] changed = new int[1];
        if (UiActions.attempt(() -> changed[0] = service.changeUserRecording(ids, record))) {
            selected.clear();
            reload();
            UiActions.info(record ? "recording.enabledFor" : "recording.disabledFor", changed[0]);
        }
    }

    public void enableForAll() {
        changeAll(true);
    }

    public void disableForAll() {
        changeAll(false);
    }

    private void changeAll(boolean record) {
        int[] changed = new int[1];
        if (UiActions.attempt(() -> changed[0] = service.changeRecordingForAllUsers(record))) {
            selected.clear();
            reload();
            UiActions.info(record ? "recording.enabledFor" : "recording.disabledFor", changed[0]);
        }
    }

    /** Selects or clears every user the filter shows (the header checkbox of R-REC-6). */
    public void selectAll(boolean select) {
        selected.clear();
        if (select) {
            getUsers().forEach(u -> selected.put(u.userId(), true));
        }
    }

    private List<Long> selectedIds() {
        return selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    public int getSelectedCount() {
        return selectedIds().size();
    }

    /** How many of the selected users the action would change, shown on its button. */
    public long getSelectedToEnable() {
        List<Long> ids = selectedIds();
        return allUsers().stream()
                .filter(u -> ids.contains(u.userId()) && !u.recordCalls())
                .count();
    }

    public long getSelectedToDisable() {
        List<Long> ids = selectedIds();
        return allUsers().stream().filter(u -> ids.contains(u.userId()) && u.recordCalls()).count();
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public Filter getFilter() {
        return filter;
    }

    public void setFilter(Filter filter) {
        this.filter = filter == null ? Filter.ALL : filter;
        selected.clear();
    }

    public Filter[] getFilters() {
        return Filter.values();
    }
}

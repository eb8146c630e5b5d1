package io.vpbx.application.recording;

import io.vpbx.model.recording.RecordingRetention;
import java.util.Collection;
import java.util.List;

/**
 * The domain console's «Запись разговоров» page (spec E §10.1), always for the caller's domain.
 * Every change is written to the action history with its before and after.
 */
public interface RecordingSettingsService {
    RecordingSettings settings();

    /** The domain's users who take calls (those with an extension), by extension. */
    List<UserRecordingRow> users();

    /**
     * Sets how long recordings are kept. The expiry of existing recordings is recomputed from their
     * creation time: a shorter retention makes older recordings due for deletion at the next
     * nightly run of the retention job.
     *
     * @return how many existing recordings the change moved to already expired
     */
    int changeRetention(RecordingRetention retention);

    /** The domain default «Записывать все вызовы». */
    void changeRecordAllCalls(boolean recordAll);

    /**
     * Switches recording on or off for these users of the domain; ids of other domains are ignored.
     *
     * @return how many users changed
     */
    int changeUserRecording(Collection<Long> userIds, boolean record);

    /** «Включить для всех» / «Выключить»: every user who takes calls; returns how many changed. */
    int changeRecordingForAllUsers(boolean record);
}

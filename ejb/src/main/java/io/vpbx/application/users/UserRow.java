package io.vpbx.application.users;

import io.vpbx.model.tenancy.OutgoingRestriction;
import java.util.List;

/**
 * One row of the user list (spec B §7.1, S1).
 *
 * @param sipEnabled whether the user's SIP number may register and call
 * @param devices how many devices are registered now
 * @param pickupGroupId the user's pickup group; {@code null}: none
 * @param pickupGroup that group's name
 * @param operator «Оператор контакт-центра» (an indicator of the list, BR-2)
 * @param outgoingRestriction the indicator is shown unless {@link OutgoingRestriction#NONE} (BR-35)
 * @param absentToday today falls in the user's absence period («отсутствует»)
 * @param callGroups the names of the user's call groups, by name (BR-2); empty for none
 */
public record UserRow(
        long userId,
        String extension,
        String displayName,
        String login,
        String jobTitle,
        String email,
        boolean sipEnabled,
        int devices,
        boolean recordCalls,
        boolean admin,
        Long pickupGroupId,
        String pickupGroup,
        boolean operator,
        OutgoingRestriction outgoingRestriction,
        boolean absentToday,
        List<String> callGroups) {

    public UserRow {
        callGroups = callGroups == null ? List.of() : List.copyOf(callGroups);
    }
}

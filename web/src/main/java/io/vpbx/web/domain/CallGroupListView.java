package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.web.shared.Messages;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * «Группы обработки вызовов» (spec C S1, BR-A1/BR-A2): every group of the domain with its
 * extension, how its calls are distributed and who is in it.
 */
@Named
@ViewScoped
public class CallGroupListView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient CallGroupsService service;

    private transient List<CallGroupRow> groups;

    public List<CallGroupRow> getGroups() {
        if (groups == null) {
            if (!UiActions.attempt(() -> groups = service.listGroups())) {
                groups = List.of();
            }
        }
        return groups;
    }

    /** «9 пользователей, 2 оператора: …» in the page's language. */
    public String composition(CallGroupRow row) {
        return CallGroupComposition.line(
                Messages.locale(), row.users(), row.operators(), row.memberNames(), Messages::get);
    }
}

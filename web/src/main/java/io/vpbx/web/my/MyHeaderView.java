package io.vpbx.web.my;

import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.cabinet.MyProfile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The personal cabinet's header: whose cabinet this is. */
@Named
@RequestScoped
public class MyHeaderView {
    @Inject private MyCabinetService cabinet;

    private MyProfile profile;

    public MyProfile getProfile() {
        if (profile == null) {
            profile = cabinet.profile();
        }
        return profile;
    }
}

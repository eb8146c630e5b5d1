package io.vpbx.web.my;

import io.vpbx.application.cabinet.AudioChoice;
import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.cabinet.MyProfile;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * «Профиль» of the personal cabinet: the employee's own data (read-only where the admin manages
 * it), the SIP credentials with a new password shown once, the registered devices, and the settings
 * the employee changes themself: e-mail, voicemail-to-e-mail, greeting and ringback.
 */
@Named
@ViewScoped
public class MyProfileView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient MyCabinetService cabinet;

    private transient MyProfile profile;
    private transient List<AudioChoice> greetings;
    private transient List<AudioChoice> ringbacks;
    private String email;
    private boolean voicemailToEmail;
    private Long greetingId;
    private Long ringbackId;
    private String newSipPassword;

    /** Reads the profile when the page opens and after each change, so the form shows the truth. */
    public void load() {
        profile = cabinet.profile();
        email = profile.email();
        voicemailToEmail = profile.voicemailToEmail();
        greetingId = profile.greetingId();
        ringbackId = profile.ringbackId();
    }

    public MyProfile getProfile() {
        if (profile == null) {
            load();
        }
        return profile;
    }

    public void saveEmail() {
        if (UiActions.attempt(
                () -> cabinet.changeEmail(email), Map.of("email", "settingsForm:email"))) {
            UiActions.info("my.emailSaved");
            load();
        }
    }

    public void saveVoicemailToEmail() {
        if (UiActions.attempt(
                () -> cabinet.sendVoicemailToEmail(voicemailToEmail),
                Map.of("voicemailToEmail", "settingsForm:voicemailToEmail"))) {
            UiActions.info(voicemailToEmail ? "my.voicemailToEmailOn" : "my.voicemailToEmailOff");
        }
        load();
    }

    public void saveGreeting() {
        if (UiActions.attempt(
                () -> cabinet.chooseGreeting(greetingId),
                Map.of("greeting", "soundsForm:greeting"))) {
            UiActions.info("my.greetingSaved");
        }
        load();
    }

    public void saveRingback() {
        if (UiActions.attempt(
                () -> cabinet.chooseRingback(ringbackId),
                Map.of("ringback", "soundsForm:ringback"))) {
            UiActions.info("my.ringbackSaved");
        }
        load();
    }

    public void regenerateSipPassword() {
        String[] generated = new String[1];
        if (UiActions.attempt(() -> generated[0] = cabinet.regenerateSipPassword())) {
            newSipPassword = generated[0];
            UiActions.info("my.sipPasswordGenerated");
        }
    }

    public List<AudioChoice> getGreetings() {
        if (greetings == null) {
            greetings = cabinet.greetings();
        }
        return greetings;
    }

    public List<AudioChoice> getRingbacks() {
        if (ringbacks == null) {
            ringbacks = cabinet.ringbacks();
        }
        return ringbacks;
    }

    public String getNewSipPassword() {
        return newSipPassword;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isVoicemailToEmail() {
        return voicemailToEmail;
    }

    public void setVoicemailToEmail(boolean voicemailToEmail) {
        this.voicemailToEmail = voicemailToEmail;
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
}

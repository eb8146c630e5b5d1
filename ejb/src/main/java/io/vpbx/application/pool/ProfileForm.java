package io.vpbx.application.pool;

/** One's own pool-console profile (spec A BR-43). A blank password leaves it unchanged. */
public record ProfileForm(
        String displayName, String email, String phone, String password, String passwordRepeat) {
    @Override
    public String toString() {
        return "ProfileForm[" + displayName + "]";
    }
}

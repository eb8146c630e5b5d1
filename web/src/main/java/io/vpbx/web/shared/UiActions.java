package io.vpbx.web.shared;

import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.RuleViolation;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one use case for a page and turns what can go wrong into a message in the user's language: a
 * rule violation next to its field (or at the top of the form), a concurrent edit as "changed by
 * someone else, reload", a missing role as "access denied", anything else as a generic error whose
 * details go to the log only. On any failure the request is marked as failed, so dialogs stay open
 * with the input intact.
 */
public final class UiActions {
    private static final Logger LOG = Logger.getLogger(UiActions.class.getName());

    private UiActions() {}

    /** A use case returning nothing. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    /**
     * Runs the action. {@code fields} maps a violation's field name to the client id of the input
     * it is about.
     *
     * @return whether the action succeeded
     */
    public static boolean attempt(Action action, Map<String, String> fields) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            fail(e, fields);
            return false;
        }
    }

    public static boolean attempt(Action action) {
        return attempt(action, Map.of());
    }

    /** Shows a success message at the top of the page. */
    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO, Messages.get(key, arguments), null));
    }

    /** Shows an error and marks the request failed. */
    public static void error(String clientId, String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(
                clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(key, arguments), null));
        faces.validationFailed();
    }

    static void fail(RuntimeException e, Map<String, String> fields) {
        RuleViolation violation = find(e, RuleViolation.class);
        if (violation != null) {
            String clientId = violation.field() == null ? null : fields.get(violation.field());
            error(clientId, violation.messageKey(), violation.arguments());
            return;
        }
        if (find(e, EJBAccessException.class) != null) {
            error(null, "error.accessDenied");
            return;
        }
        if (find(e, OptimisticLockException.class) != null
                || hasCause(e, "StaleObjectStateException")) {
            error(null, new ConcurrentEdit().messageKey());
            return;
        }
        if (find(e, SQLIntegrityConstraintViolationException.class) != null
                || hasCause(e, "ConstraintViolationException")) {
            error(null, "error.conflict");
            return;
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a console action", e);
        error(null, "error.unexpected");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

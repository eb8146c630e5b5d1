package io.vpbx.model.audit;

/**
 * What was done. Add, edit and delete are the console's three actions; logins and jumps are
 * recorded too.
 */
public enum AuditAction {
    ADD,
    EDIT,
    DELETE,
    LOGIN,
    CONSOLE_JUMP
}

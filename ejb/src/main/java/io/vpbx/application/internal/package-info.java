/**
 * The use-case implementations: stateless EJBs that own transactions and role checks, resolve the
 * tenant from the caller, apply the model's rules and write the action history.
 */
package io.vpbx.application.internal;

/**
 * The shared kernel of the model: the rule-violation exception every layer translates into a user
 * message, and small value objects (logins, e-mail addresses, display names) that validate
 * themselves.
 */
package io.vpbx.model.shared;

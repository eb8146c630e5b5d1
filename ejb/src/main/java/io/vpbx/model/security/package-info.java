/**
 * Security rules of the model: the password policy, the console roles, who is acting ({@link
 * io.vpbx.model.security.ActorRef}), the login lock-out policy, and single-use tokens for password
 * recovery and console jumps. Pure rules; hashing and identity plumbing live in the infrastructure.
 */
package io.vpbx.model.security;

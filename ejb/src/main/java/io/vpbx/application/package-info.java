/**
 * Use cases. Each {@code …Service} interface is one console area or API capability; its {@code
 * Default…} implementation in {@code internal} is a stateless EJB that owns the transaction, checks
 * the role with {@code @RolesAllowed} and the tenant through the {@link
 * io.vpbx.application.CallerContext}, and writes the action history.
 *
 * <p>Ports ({@link io.vpbx.application.NotificationPort}, {@link
 * io.vpbx.application.JobLauncherPort}, …) are what the use cases need from the outside; the
 * infrastructure and the adapter modules implement them. Results are records, never entities, so no
 * adapter can change an entity behind a service's back.
 */
package io.vpbx.application;

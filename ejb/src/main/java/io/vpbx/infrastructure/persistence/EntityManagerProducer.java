package io.vpbx.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's transaction-scoped entity manager for the repositories, looked up where the
 * persistence unit binds it ({@code jboss.entity.manager.jndi.name} in persistence.xml).
 *
 * <p>Why not {@code @PersistenceContext} on the repositories: Weld resolves that annotation on a
 * CDI bean while the deployment starts, and sometimes before WildFly had installed the persistence
 * unit, so a deployment failed at random with {@code service jboss.persistenceunit ... not found}.
 * The lookup here happens when a repository is first used, after the unit is up.
 */
@ApplicationScoped
public class EntityManagerProducer {
    static final String JNDI_NAME = "java:jboss/vpbx/EntityManager";

    @Produces
    EntityManager entityManager() {
        try {
            return InitialContext.doLookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException(
                    "the vpbx persistence unit is not bound at " + JNDI_NAME, e);
        }
    }
}

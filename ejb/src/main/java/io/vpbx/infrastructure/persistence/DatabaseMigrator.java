package io.vpbx.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date at deployment, then has Hibernate validate the mappings against it.
 *
 * <p>Migrations live in {@code db/migration/common} (portable SQL for MariaDB and H2 in MySQL mode)
 * and in {@code db/migration/<vendor>} for what only one database can do, such as MariaDB's
 * append-only triggers. The persistence unit never generates DDL; a mapping that disagrees with the
 * migrated schema fails the deployment here instead of failing a user's request later.
 *
 * <p>JBeret keeps its job repository in the same database and creates its tables when the server
 * boots, before any deployment, so a new database is not empty when we first see it. Flyway
 * therefore baselines a schema without history at version 0, below every migration: all of ours
 * still run, and one that finds its table already there fails loudly instead of being skipped.
 *
 * <p>Every other start-up bean that touches the database declares
 * {@code @DependsOn("DatabaseMigrator")}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/VpbxDS")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "vpbx")
    private EntityManagerFactory entityManagerFactory;

    @PostConstruct
    void migrateAndValidate() {
        String vendor = vendorFolder();
        MigrateResult result =
                Flyway.configure(DatabaseMigrator.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations(
                                "classpath:db/migration/common", "classpath:db/migration/" + vendor)
                        .failOnMissingLocations(false)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .baselineDescription("database created by the server (JBeret tables only)")
                        .load()
                        .migrate();
        LOG.info(
                () ->
                        String.format(
                                "Schema migrated on %s: %d migration(s) applied, now at version %s",
                                vendor, result.migrationsExecuted, result.targetSchemaVersion));
        entityManagerFactory
                .unwrap(SessionFactory.class)
                .getSchemaManager()
                .validateMappedObjects();
    }

    private String vendorFolder() {
        try (Connection connection = dataSource.getConnection()) {
            String product =
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return "mariadb";
            }
            throw new IllegalStateException("Unsupported database: " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the vPBX datasource", e);
        }
    }
}

package io.vpbx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ejb.Stateless;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph {@code web | sip-servlets | batch → ejb} and the layering {@code model ←
 * application ← infrastructure} inside {@code ejb} (ARCHITECTURE.md), checked on the compiled
 * classes of all modules.
 */
class ArchitectureTest {
    private static final String MODEL = "io.vpbx.model..";
    private static final String APPLICATION = "io.vpbx.application..";
    private static final String INFRASTRUCTURE = "io.vpbx.infrastructure..";
    private static final String WEB = "io.vpbx.web..";
    private static final String SIP = "io.vpbx.sip..";
    private static final String MEDIA = "io.vpbx.media..";
    private static final String BATCH = "io.vpbx.batch..";

    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> outputs =
                List.of("ejb", "sip-servlets", "batch", "web").stream()
                        .map(module -> root.resolve(module).resolve("target/classes"))
                        .toList();
        outputs.forEach(
                dir -> {
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalStateException(
                                dir + " is missing: build the modules first");
                    }
                });
        classes = new ClassFileImporter().importPaths(outputs);
    }

    @Test
    void theCoreDependsOnNoAdapterModule() {
        noClasses()
                .that()
                .resideInAnyPackage(MODEL, APPLICATION, INFRASTRUCTURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB, SIP, MEDIA, BATCH)
                .check(classes);
    }

    @Test
    void adapterModulesDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage(WEB)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SIP, MEDIA, BATCH)
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(SIP, MEDIA)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB, BATCH)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(BATCH)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB, SIP, MEDIA)
                .check(classes);
    }

    @Test
    void theCoreIsLayeredModelApplicationInfrastructure() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("io.vpbx..")
                .layer("Model")
                .definedBy(MODEL)
                .layer("Application")
                .definedBy(APPLICATION)
                .layer("Infrastructure")
                .definedBy(INFRASTRUCTURE)
                .layer("Adapters")
                .definedBy(WEB, SIP, MEDIA, BATCH)
                .whereLayer("Infrastructure")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("Infrastructure", "Adapters")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Adapters")
                .check(classes);
    }

    @Test
    void theModelImportsOnlyTheJdkJpaAndBeanValidation() {
        classes()
                .that()
                .resideInAPackage(MODEL)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "jakarta.persistence..", "jakarta.validation..", MODEL)
                .check(classes);
    }

    @Test
    void mediaIsPlainJavaWithoutEeOrJainSip() {
        noClasses()
                .that()
                .resideInAPackage(MEDIA)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.sip..", "gov.nist..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sipUsesTheMediaEngineOnlyThroughItsApi() {
        noClasses()
                .that()
                .resideInAPackage(SIP)
                .should()
                .dependOnClassesThat(
                        JavaClass.Predicates.resideInAPackage(MEDIA)
                                .and(
                                        JavaClass.Predicates.resideOutsideOfPackage(
                                                "io.vpbx.media.api..")))
                .check(classes);
    }

    @Test
    void useCaseImplementationsAreStatelessBeansInApplicationInternal() {
        classes()
                .that()
                .haveSimpleNameStartingWith("Default")
                .and()
                .haveSimpleNameEndingWith("Service")
                .should()
                .resideInAPackage("io.vpbx.application.internal")
                .andShould()
                .beAnnotatedWith(Stateless.class)
                .check(classes);
    }
}

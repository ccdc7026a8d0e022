package io.trustspace.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md §4, checked on every build. Read this before adding a dependency.
 */
class ArchitectureTest {

    /** Plain-Java domain modules: no framework, no servlet; JDBC only in their jdbc adapter packages. */
    private static final String[] DOMAIN = {
        "io.trustspace.common..",
        "io.trustspace.crypto..",
        "io.trustspace.ledger..",
        "io.trustspace.policy..",
        "io.trustspace.identity..",
        "io.trustspace.catalog..",
        "io.trustspace.contract..",
        "io.trustspace.connector.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.trustspace");
    }

    @Test
    void domainModules_useNoFramework() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.flywaydb..", "com.zaxxer..")
                .because("domain modules are plain Java; Spring lives only in app")
                .check(classes);
    }

    @Test
    void jdbc_onlyInJdbcAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .and()
                .resideOutsideOfPackage("..jdbc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .because("ports are interfaces; JDBC is an adapter in a package named jdbc")
                .check(classes);
    }

    @Test
    void domainModules_doNotReachIntoTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.trustspace.app..")
                .check(classes);
    }

    @Test
    void modules_meetThroughPortsNotAdapters() {
        String[] adapters = {"io.trustspace..jdbc..", "io.trustspace..http..", "io.trustspace..dsp.."};
        noClasses()
                .that()
                .resideOutsideOfPackages(adapters)
                .and()
                .resideOutsideOfPackage("io.trustspace.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(adapters)
                .because("only app wires adapters; modules meet through ports")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void commonAndCrypto_areTheBottomLayers() {
        noClasses()
                .that()
                .resideInAPackage("io.trustspace.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.trustspace.crypto..", "io.trustspace.ledger..", "io.trustspace.app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.trustspace.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.trustspace.ledger..", "io.trustspace.app..")
                .check(classes);
    }

    @Test
    void modules_haveNoCycles() {
        slices().matching("io.trustspace.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void names_sayWhatSetsAnImplementationApart() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        fields().should()
                .notBeAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies arrive through constructors into final fields")
                .check(classes);
    }

    @Test
    void springConfiguration_livesInTheApp() {
        classes()
                .that()
                .areAnnotatedWith("org.springframework.context.annotation.Configuration")
                .should()
                .resideInAPackage("io.trustspace.app..")
                .check(classes);
    }
}

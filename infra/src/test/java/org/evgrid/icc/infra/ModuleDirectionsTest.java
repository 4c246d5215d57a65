package org.evgrid.icc.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module directions of DESIGN §3: infra → everything; core-api → nothing of ours and no Spring or Mongo; the
 * command side, query side, sagas and audit ledger know each other only through core-api messages; ui-api knows only
 * core-api.
 */
class ModuleDirectionsTest {

    private static final String CORE = "org.evgrid.icc.coreapi..";
    private static final String COMMAND = "org.evgrid.icc.command..";
    private static final String QUERY = "org.evgrid.icc.query..";
    private static final String SAGAS = "org.evgrid.icc.saga..";
    private static final String LEDGER = "org.evgrid.icc.ledger..";
    private static final String UI = "org.evgrid.icc.ui..";
    private static final String INFRA = "org.evgrid.icc.infra..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.evgrid.icc");
    }

    @Test
    void coreApiDependsOnNoOtherModuleAndNoFramework() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, SAGAS, LEDGER, UI, INFRA,
                        "org.springframework..", "com.mongodb..", "org.bson..", "jakarta.persistence..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void commandSideKnowsOnlyCoreApi() {
        noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage(QUERY, SAGAS, LEDGER, UI, INFRA).check(classes);
    }

    @Test
    void querySideKnowsOnlyCoreApi() {
        noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, SAGAS, LEDGER, UI, INFRA).check(classes);
    }

    @Test
    void sagasKnowOnlyCoreApi() {
        // The lifecycle sagas arrive with the market and dispatch work; the rule guards them from their first class on.
        noClasses().that().resideInAPackage(SAGAS).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, LEDGER, UI, INFRA).allowEmptyShould(true).check(classes);
    }

    @Test
    void auditLedgerKnowsOnlyCoreApi() {
        noClasses().that().resideInAPackage(LEDGER).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGAS, UI, INFRA).check(classes);
    }

    @Test
    void uiApiKnowsOnlyCoreApi() {
        noClasses().that().resideInAPackage(UI).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGAS, LEDGER, INFRA).check(classes);
    }

    @Test
    void nothingDependsOnInfra() {
        noClasses().that().resideOutsideOfPackage(INFRA).should().dependOnClassesThat().resideInAPackage(INFRA).check(classes);
    }

    @Test
    void domainCodeTakesTimeAndIdsFromInjectedSources() {
        noClasses().that().resideInAnyPackage(COMMAND, SAGAS, QUERY)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }
}

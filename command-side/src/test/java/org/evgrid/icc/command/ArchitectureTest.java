package org.evgrid.icc.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses commandSide;

    @BeforeAll
    static void importClasses() {
        commandSide = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.evgrid.icc.command");
    }

    @Test
    void theCommandSideKnowsOtherModulesOnlyThroughCoreApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.evgrid.icc.query..", "org.evgrid.icc.sagas..",
                "org.evgrid.icc.audit..", "org.evgrid.icc.ui..", "org.evgrid.icc.infra..").check(commandSide);
    }

    @Test
    void domainCodeReadsNoClockAndDrawsNoRandomIds() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(commandSide);
    }

    @Test
    void aggregatesHaveNoSetters() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
                .should().haveNameNotMatching("set[A-Z].*").check(commandSide);
    }

    @Test
    void everySignableCommandHasExactlyOneHandler() {
        List<Class<?>> handled = commandSide.stream()
                .flatMap(c -> c.getMethods().stream().map(m -> (JavaCodeUnit) m).filter(m -> m.isAnnotatedWith(CommandHandler.class)))
                .map(m -> m.getRawParameterTypes().get(0).reflect())
                .collect(Collectors.toList());
        commandSide.stream().flatMap(c -> c.getConstructors().stream()).filter(c -> c.isAnnotatedWith(CommandHandler.class))
                .forEach(c -> handled.add(c.getRawParameterTypes().get(0).reflect()));

        assertThat(handled).containsExactlyInAnyOrderElementsOf(CommandTypes.all().values());
    }

    @Test
    void implementationDetailsStayInternal() {
        noClasses().that().resideInAPackage("..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.evgrid.icc.command.archive", "org.evgrid.icc.command.security")
                .check(commandSide);
    }
}

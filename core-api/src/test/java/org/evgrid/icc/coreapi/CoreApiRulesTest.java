package org.evgrid.icc.coreapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.SignedBy;
import org.junit.jupiter.api.Test;

class CoreApiRulesTest {

    @Test
    void everySignableCommandIsListedByItsWireNameAndNoOtherClassIs() {
        Set<String> annotated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.evgrid.icc.coreapi").stream()
                .filter(c -> c.isAnnotatedWith(SignedBy.class)).map(JavaClass::getSimpleName)
                .map(n -> n.substring(0, n.length() - "Command".length())).collect(Collectors.toSet());
        assertThat(CommandTypes.all().keySet()).containsExactlyInAnyOrderElementsOf(annotated);
        assertThat(CommandTypes.byName("RegisterPile")).isPresent();
        assertThat(CommandTypes.byName("LaunchRocket")).isEmpty();
    }

    @Test
    void noAdministrativeRoleMaySignABusinessCommand() {
        CommandTypes.all().forEach((name, type) -> {
            // keys and users are administration; the center's integrity alarms are security operations
            boolean business = !name.contains("SignerKey") && !name.contains("User") && !name.contains("SystemAlarm");
            if (business) {
                assertThat(type.getAnnotation(SignedBy.class).value()).as(name).noneMatch(Role::administrative);
            }
        });
    }

    @Test
    void administrativeRolesExcludeEveryOtherRole() {
        assertThat(Role.compatible(Set.of(Role.TRADER, Role.DISPATCHER))).isTrue();
        assertThat(Role.compatible(Set.of(Role.SYSTEM_ADMIN))).isTrue();
        assertThat(Role.compatible(Set.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN))).isFalse();
        assertThat(Role.compatible(Set.of(Role.AUDIT_ADMIN, Role.TRADER))).isFalse();
    }

    @Test
    void dataScopesNestHeadquartersProvinceCityWorkArea() {
        assertThat(DataScope.HEADQUARTERS.covers("330000", "330100", "330102")).isTrue();
        DataScope jiangsu = new DataScope(ScopeLevel.PROVINCE, "320000");
        assertThat(jiangsu.covers("320000", "320100", "320102")).isTrue();
        assertThat(jiangsu.covers("330000", "330100", "330102")).isFalse();
        assertThat(new DataScope(ScopeLevel.CITY, "320500").covers("320000", "320100", "320102")).isFalse();
        assertThatThrownBy(() -> new DataScope(ScopeLevel.CITY, "")).isInstanceOf(IccException.class);
    }

    @Test
    void malformedIdentifiersAreRefusedWithTheFieldAndBothLanguages() {
        assertThat(new PileId("P-001.a_b:c").toString()).isEqualTo("P-001.a_b:c");
        assertThatThrownBy(() -> new PileId("bad id")).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo("ICC-ID-INVALID");
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.field()).isEqualTo("pileId");
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
        });
        assertThatThrownBy(() -> new PileId(null)).isInstanceOf(IccException.class);
        assertThatThrownBy(() -> new PileId("x".repeat(65))).isInstanceOf(IccException.class);
    }

    @Test
    void aRefusalSurvivesTheTripThroughItsDetails() {
        IccException e = IccException.conflict("ICC-X", "f", "中", "en", "fix");
        IccException back = IccException.from(e.details());
        assertThat(back.code()).isEqualTo("ICC-X");
        assertThat(back.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(back.field()).isEqualTo("f");
    }
}

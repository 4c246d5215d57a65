package org.evgrid.icc.command.security;

import static org.evgrid.icc.command.common.Refused.refused;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.security.ChangePasswordCommand;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.DisableUserCommand;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.UserDisabledEvent;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.UserPasswordChangedEvent;
import org.evgrid.icc.coreapi.security.UserRegisteredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAccountTest {

    private static final UserId USER = new UserId("li.lei");
    private static final String HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final DataScope NANJING = new DataScope(ScopeLevel.CITY, "3201");

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerCommandHandlerInterceptor(new UnknownTargetInterceptor());
    }

    private static RegisterUserCommand register(String displayName, Set<Role> roles, DataScope scope, String hash) {
        return new RegisterUserCommand(USER, displayName, roles, scope, null, hash);
    }

    @Test
    void anAdministratorRegistersACitySpecialist() {
        fixture.givenNoPriorActivity()
                .when(register(" 李雷 ", Set.of(Role.ARCHIVE_MANAGER, Role.TRADER), NANJING, HASH))
                .expectEvents(new UserRegisteredEvent(USER, "李雷", Set.of(Role.ARCHIVE_MANAGER, Role.TRADER), NANJING, null, HASH));
    }

    @Test
    void anOperatorUserKeepsItsOperatorAndDefaultsToHeadquartersScope() {
        OperatorId op = new OperatorId("OP-1");
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER, "韩梅梅", Set.of(Role.ARCHIVE_MANAGER), null, op, HASH))
                .expectEvents(new UserRegisteredEvent(USER, "韩梅梅", Set.of(Role.ARCHIVE_MANAGER), DataScope.HEADQUARTERS, op, HASH));
    }

    @Test
    void aRepeatedUserIdIsAConflict() {
        fixture.given(new UserRegisteredEvent(USER, "李雷", Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, HASH))
                .when(register("李雷", Set.of(Role.TRADER), null, HASH))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-USER-EXISTS"))
                .expectNoEvents();
    }

    @Test
    void aUserWithoutRolesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("李雷", Set.of(), null, HASH))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ROLES-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void anAuditAdministratorMayNotAlsoBeSystemAdministrator() {
        fixture.givenNoPriorActivity()
                .when(register("李雷", Set.of(Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN), null, HASH))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ROLES-INCOMPATIBLE"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "$2a$10$short", "$2x$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhW!"})
    void aPasswordThatIsNotABcryptHashIsRefused(String hash) {
        fixture.givenNoPriorActivity()
                .when(register("李雷", Set.of(Role.TRADER), null, hash))
                .expectException(refused(ErrorCategory.INVALID, "ICC-USER-PASSWORD-HASH-INVALID"))
                .expectNoEvents();
    }

    @Test
    void aMissingPasswordHashIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("李雷", Set.of(Role.TRADER), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-USER-PASSWORD-HASH-INVALID"))
                .expectNoEvents();
    }

    @Test
    void anEmptyDisplayNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("  ", Set.of(Role.TRADER), null, HASH))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aDisplayNameOfFiftyCharactersIsAcceptedButNotOfFiftyOne() {
        fixture.givenNoPriorActivity()
                .when(register("名".repeat(50), Set.of(Role.TRADER), null, HASH))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(register("名".repeat(51), Set.of(Role.TRADER), null, HASH))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
    }

    @Test
    void aUserIsDisabled() {
        fixture.given(new UserRegisteredEvent(USER, "李雷", Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, HASH))
                .when(new DisableUserCommand(USER, "离职"))
                .expectEvents(new UserDisabledEvent(USER, "离职"));
    }

    @Test
    void disablingTwiceIsAConflict() {
        fixture.given(new UserRegisteredEvent(USER, "李雷", Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, HASH),
                        new UserDisabledEvent(USER, null))
                .when(new DisableUserCommand(USER, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-USER-ALREADY-DISABLED"))
                .expectNoEvents();
    }

    @Test
    void disablingAnUnknownUserIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DisableUserCommand(USER, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-USER-UNKNOWN"))
                .expectNoEvents();
    }

    private static final String NEW_HASH = "$2a$10$abcdefghijklmnopqrstuuJHx3B2uVPmCPMdPYmmyOT9Jbw4cbeVW";

    private UserRegisteredEvent registered() {
        return new UserRegisteredEvent(USER, "李雷", Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, HASH);
    }

    @Test
    void aUserChangesThePasswordIntoTheUsersOwnStream() {
        fixture.given(registered())
                .when(new ChangePasswordCommand(USER, NEW_HASH))
                .expectEvents(new UserPasswordChangedEvent(USER, NEW_HASH));
    }

    @Test
    void aChangedPasswordMustBeABcryptHash() {
        fixture.given(registered())
                .when(new ChangePasswordCommand(USER, "Secret#2026"))
                .expectException(refused(ErrorCategory.INVALID, "ICC-USER-PASSWORD-HASH-INVALID"))
                .expectNoEvents();
    }

    @Test
    void aDisabledUserCannotChangeThePassword() {
        fixture.given(registered(), new UserDisabledEvent(USER, "left"))
                .when(new ChangePasswordCommand(USER, NEW_HASH))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-USER-DISABLED"))
                .expectNoEvents();
    }
}

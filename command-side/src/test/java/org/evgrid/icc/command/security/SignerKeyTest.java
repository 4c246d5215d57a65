package org.evgrid.icc.command.security;

import static org.evgrid.icc.command.common.Refused.refused;

import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.TestData;
import org.evgrid.icc.command.common.UnknownTargetInterceptor;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignerKeyTest {

    private static final KeyId KEY = new KeyId("K-1");
    private static final OperatorId OP1 = new OperatorId("OP-1");
    private static final OperatorId OP2 = new OperatorId("OP-2");
    private static final DataScope JIANGSU = new DataScope(ScopeLevel.PROVINCE, "32");

    private AggregateTestFixture<SignerKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SignerKey.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerCommandHandlerInterceptor(new UnknownTargetInterceptor());
    }

    private static RegisterSignerKeyCommand register(Set<Role> roles, OperatorId operatorId, DataScope scope) {
        return new RegisterSignerKeyCommand(KEY, SignatureAlgorithm.ED25519, TestData.ED25519_KEY, "user:li", roles, operatorId, scope);
    }

    private static SignerKeyRegisteredEvent registered(Set<Role> roles, OperatorId operatorId, DataScope scope) {
        return new SignerKeyRegisteredEvent(KEY, SignatureAlgorithm.ED25519, TestData.ED25519_KEY, "user:li", roles, operatorId, scope);
    }

    private static Map<String, ?> platformSigner(OperatorId operatorId) {
        return Map.of(SignatureMetadata.SIGNER_ROLES, "OPERATOR_PLATFORM", SignatureMetadata.SIGNER_OPERATOR, operatorId.value());
    }

    private static Map<String, ?> adminSigner() {
        return Map.of(SignatureMetadata.SIGNER_ROLES, "SYSTEM_ADMIN");
    }

    @Test
    void anAdministratorRegistersATraderKeyWithItsScope() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.TRADER), null, JIANGSU), adminSigner())
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(Set.of(Role.TRADER), null, JIANGSU));
    }

    @Test
    void aKeyWithoutScopeActsForHeadquarters() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.DISPATCHER), null, null))
                .expectEvents(registered(Set.of(Role.DISPATCHER), null, DataScope.HEADQUARTERS));
    }

    @Test
    void aKeyInPemIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKeyCommand(KEY, SignatureAlgorithm.ED25519, TestData.ED25519_PEM, "user:li",
                        Set.of(Role.TRADER), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SignerKeyRegisteredEvent(KEY, SignatureAlgorithm.ED25519, TestData.ED25519_PEM.strip(), "user:li",
                        Set.of(Role.TRADER), null, DataScope.HEADQUARTERS));
    }

    @Test
    void aRepeatedKeyIdIsAConflict() {
        fixture.given(registered(Set.of(Role.TRADER), null, DataScope.HEADQUARTERS))
                .when(register(Set.of(Role.TRADER), null, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-KEY-EXISTS"))
                .expectNoEvents();
    }

    @Test
    void aKeyWithoutRolesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ROLES-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void anAdministratorKeyWithABusinessRoleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.SYSTEM_ADMIN, Role.TRADER), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-ROLES-INCOMPATIBLE"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformKeyMayHoldNoOtherRole() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.OPERATOR_PLATFORM, Role.TRADER), OP1, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-KEY-PLATFORM-ROLE-ALONE"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformKeyMustNameItsOperator() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.OPERATOR_PLATFORM), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-KEY-OPERATOR-REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not base64!", "-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n", "-----BEGIN PUBLIC KEY----------END PUBLIC KEY-----"})
    void aPublicKeyThatDoesNotDecodeIsRefused(String publicKey) {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKeyCommand(KEY, SignatureAlgorithm.SM2_SM3, publicKey, "user:li", Set.of(Role.TRADER), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-KEY-PUBLIC-KEY-INVALID"))
                .expectNoEvents();
    }

    @Test
    void aKeyWithoutAlgorithmIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKeyCommand(KEY, null, TestData.ED25519_KEY, "user:li", Set.of(Role.TRADER), null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-KEY-ALGORITHM-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aKeyWithoutOwnerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKeyCommand(KEY, SignatureAlgorithm.ED25519, TestData.ED25519_KEY, " ", Set.of(Role.TRADER),
                        null, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformRegistersAnotherKeyOfItsOwnOperator() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.OPERATOR_PLATFORM), OP1, null), platformSigner(OP1))
                .expectEvents(registered(Set.of(Role.OPERATOR_PLATFORM), OP1, DataScope.HEADQUARTERS));
    }

    @Test
    void anOperatorPlatformMayNotRegisterAKeyWithOtherRoles() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.TRADER), OP1, null), platformSigner(OP1))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-KEY-ROLE-NOT-ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformMayNotRegisterAKeyOfAnotherOperator() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.OPERATOR_PLATFORM), OP2, null), platformSigner(OP1))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-KEY-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void aSignerWithBothPlatformAndAdministratorRolesIsNotHeldToItsOperator() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.TRADER), null, null),
                        Map.of(SignatureMetadata.SIGNER_ROLES, "OPERATOR_PLATFORM, SYSTEM_ADMIN"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aKeyIsRevokedWithItsOwnerAndOperator() {
        fixture.given(registered(Set.of(Role.OPERATOR_PLATFORM), OP1, DataScope.HEADQUARTERS))
                .when(new RevokeSignerKeyCommand(KEY, " leaked "), adminSigner())
                .expectEvents(new SignerKeyRevokedEvent(KEY, "user:li", OP1, "leaked"));
    }

    @Test
    void revokingTwiceIsAConflict() {
        fixture.given(registered(Set.of(Role.TRADER), null, DataScope.HEADQUARTERS), new SignerKeyRevokedEvent(KEY, "user:li", null, null))
                .when(new RevokeSignerKeyCommand(KEY, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-KEY-ALREADY-REVOKED"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformRevokesItsOwnKey() {
        fixture.given(registered(Set.of(Role.OPERATOR_PLATFORM), OP1, DataScope.HEADQUARTERS))
                .when(new RevokeSignerKeyCommand(KEY, null), platformSigner(OP1))
                .expectEvents(new SignerKeyRevokedEvent(KEY, "user:li", OP1, null));
    }

    @Test
    void anOperatorPlatformMayNotRevokeAKeyOfAnotherOperator() {
        fixture.given(registered(Set.of(Role.OPERATOR_PLATFORM), OP2, DataScope.HEADQUARTERS))
                .when(new RevokeSignerKeyCommand(KEY, null), platformSigner(OP1))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-KEY-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void anOperatorPlatformMayNotRevokeACenterKey() {
        fixture.given(registered(Set.of(Role.TRADER), null, DataScope.HEADQUARTERS))
                .when(new RevokeSignerKeyCommand(KEY, null), platformSigner(OP1))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-KEY-NOT-YOURS"))
                .expectNoEvents();
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RevokeSignerKeyCommand(KEY, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-KEY-UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void aTooLongRevocationReasonIsRefused() {
        fixture.given(registered(Set.of(Role.TRADER), null, DataScope.HEADQUARTERS))
                .when(new RevokeSignerKeyCommand(KEY, "x".repeat(201)))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG"))
                .expectNoEvents();
    }
}

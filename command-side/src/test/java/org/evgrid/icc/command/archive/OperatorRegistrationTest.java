package org.evgrid.icc.command.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.CREDIT_CODE;
import static org.evgrid.icc.command.common.TestData.contact;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.platformKey;
import static org.evgrid.icc.command.common.TestData.registerOperator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.evgrid.icc.command.CommandSideAxon;
import org.evgrid.icc.command.common.TestData;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorRegistrationTest {

    private CommandSideAxon axon;

    @BeforeEach
    void start() {
        axon = CommandSideAxon.withoutMongo();
    }

    @AfterEach
    void stop() {
        axon.close();
    }

    private static RegisterOperatorCommand with(String name, String creditCode, Contact contact, BigDecimal ratio,
                                                List<PublicKeySpec> keys) {
        return new RegisterOperatorCommand(operator("OP-1"), name, creditCode, contact, ratio, keys);
    }

    @Test
    void anOperatorIsRegisteredWithOneSigningKeyPerPlatformKey() {
        axon.send(registerOperator("OP-1", "OP-1-K1", "OP-1-K2"));

        assertThat(axon.payloads()).containsExactly(
                new OperatorRegisteredEvent(operator("OP-1"), "星星充电", CREDIT_CODE, contact(), new BigDecimal("0.35"),
                        List.of(platformKey("OP-1-K1"), platformKey("OP-1-K2"))),
                new SignerKeyRegisteredEvent(new KeyId("OP-1-K1"), SignatureAlgorithm.ED25519, TestData.ED25519_KEY, "operator:OP-1",
                        Set.of(Role.OPERATOR_PLATFORM), operator("OP-1"), DataScope.HEADQUARTERS),
                new SignerKeyRegisteredEvent(new KeyId("OP-1-K2"), SignatureAlgorithm.ED25519, TestData.ED25519_KEY, "operator:OP-1",
                        Set.of(Role.OPERATOR_PLATFORM), operator("OP-1"), DataScope.HEADQUARTERS));
        assertThat(axon.events()).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("operator:OP-1", "key:OP-1-K1", "key:OP-1-K2");
    }

    @Test
    void theOperatorPlatformRevokesItsOwnRegisteredKey() {
        axon.send(registerOperator("OP-1", "OP-1-K1"));

        axon.send(new RevokeSignerKeyCommand(new KeyId("OP-1-K1"), "rotated"),
                Map.of(SignatureMetadata.SIGNER_ROLES, "OPERATOR_PLATFORM", SignatureMetadata.SIGNER_OPERATOR, "OP-1"));

        assertThat(axon.payloads()).last()
                .isEqualTo(new SignerKeyRevokedEvent(new KeyId("OP-1-K1"), "operator:OP-1", operator("OP-1"), "rotated"));
    }

    @Test
    void anOperatorAndAKeyMayShareAnIdentifier() {
        axon.send(registerOperator("X1", "X1"));

        assertThat(axon.events()).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("operator:X1", "key:X1");
    }

    @Test
    void aRepeatedOperatorIdIsAConflictAndRecordsNothing() {
        axon.send(registerOperator("OP-1", "OP-1-K1"));
        int before = axon.events().size();

        assertRefused(() -> axon.send(registerOperator("OP-1", "OP-1-K9")), ErrorCategory.CONFLICT, "ICC-OPERATOR-EXISTS");

        assertThat(axon.events()).hasSize(before);
    }

    @Test
    void aPlatformKeyIdAlreadyInUseIsAConflictAndTheOperatorIsNotRegistered() {
        axon.send(new RegisterSignerKeyCommand(new KeyId("SHARED"), SignatureAlgorithm.ED25519, TestData.ED25519_KEY, "user:li",
                Set.of(Role.TRADER), null, null));

        IccException refusal = assertRefused(() -> axon.send(registerOperator("OP-1", "OP-1-K1", "SHARED")),
                ErrorCategory.CONFLICT, "ICC-KEY-EXISTS");

        assertThat(refusal.field()).isEqualTo("platformKeys[1].keyId");
        assertThat(axon.payloads()).hasSize(1);
        assertRefused(() -> axon.send(new RevokeSignerKeyCommand(new KeyId("OP-1-K1"), null)), ErrorCategory.NOT_FOUND,
                "ICC-KEY-UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty name                 | ''                    | 91350100M000100Y43 | ICC-FIELD-REQUIRED               | name",
        "credit code too short      | 星星充电               | 91350100M000100Y4  | ICC-OPERATOR-CREDIT-CODE-INVALID | creditCode",
        "credit code with letter O  | 星星充电               | 91350100M000100O43 | ICC-OPERATOR-CREDIT-CODE-INVALID | creditCode",
        "credit code in lower case  | 星星充电               | 91350100m000100Y43 | ICC-OPERATOR-CREDIT-CODE-INVALID | creditCode",
        "credit code wrong check    | 星星充电               | 91350100M000100Y44 | ICC-OPERATOR-CREDIT-CODE-INVALID | creditCode",
    })
    void anOperatorWithAFaultyNameOrCreditCodeIsRefused(String scenario, String name, String creditCode, String code, String field) {
        IccException refusal = assertRefused(() -> axon.send(with(name, creditCode, contact(), BigDecimal.ONE,
                List.of(platformKey("K1")))), ErrorCategory.INVALID, code);

        assertThat(refusal.field()).isEqualTo(field);
        assertThat(axon.events()).isEmpty();
    }

    @Test
    void aNameOfMoreThanHundredCharactersIsRefused() {
        assertRefused(() -> axon.send(with("运".repeat(101), CREDIT_CODE, contact(), BigDecimal.ONE, List.of(platformKey("K1")))),
                ErrorCategory.INVALID, "ICC-FIELD-TOO-LONG");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "no contact name      | ''   | 025-83456789   | null              | ICC-FIELD-REQUIRED          | contact.name",
        "phone with letters   | 王工 | 025-8345678x   | null              | ICC-OPERATOR-PHONE-INVALID  | contact.phone",
        "phone too short      | 王工 | 123456         | null              | ICC-OPERATOR-PHONE-INVALID  | contact.phone",
        "no phone             | 王工 | null           | null              | ICC-OPERATOR-PHONE-INVALID  | contact.phone",
        "e-mail without at    | 王工 | +8613812345678 | wang.example.com  | ICC-OPERATOR-EMAIL-INVALID  | contact.email",
    })
    void aFaultyContactIsRefused(String scenario, String contactName, String phone, String email, String code, String field) {
        IccException refusal = assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, new Contact(contactName, phone, email),
                BigDecimal.ONE, List.of(platformKey("K1")))), ErrorCategory.INVALID, code);

        assertThat(refusal.field()).isEqualTo(field);
    }

    @Test
    void aMissingContactIsRefused() {
        assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, null, BigDecimal.ONE, List.of(platformKey("K1")))),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }

    @ParameterizedTest
    @CsvSource({"-0.0001", "1.0001", "0.12345"})
    void aShareRatioOutsideZeroToOneOrWithMoreThanFourDecimalsIsRefused(String ratio) {
        assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), new BigDecimal(ratio), List.of(platformKey("K1")))),
                ErrorCategory.INVALID, "ICC-OPERATOR-SHARE-RATIO-INVALID");
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "0.1235", "0.50000"})
    void aShareRatioFromZeroToOneWithFourDecimalsIsAccepted(String ratio) {
        axon.send(with("星星充电", CREDIT_CODE, contact(), new BigDecimal(ratio), List.of(platformKey("K1"))));

        assertThat(axon.payloads()).hasSize(2);
    }

    @Test
    void aMissingShareRatioIsRefused() {
        assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), null, List.of(platformKey("K1")))),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
    }

    @Test
    void anOperatorNeedsOneToFivePlatformKeys() {
        assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE, List.of())),
                ErrorCategory.INVALID, "ICC-OPERATOR-KEYS-COUNT");
        List<PublicKeySpec> six = IntStream.rangeClosed(1, 6).mapToObj(i -> platformKey("K" + i)).toList();
        assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE, six)),
                ErrorCategory.INVALID, "ICC-OPERATOR-KEYS-COUNT");

        axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE, six.subList(0, 5)));
        assertThat(axon.payloads()).hasSize(6);
    }

    @Test
    void aRepeatedPlatformKeyIdIsRefused() {
        IccException refusal = assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE,
                List.of(platformKey("K1"), platformKey("K1")))), ErrorCategory.INVALID, "ICC-OPERATOR-KEY-REPEATED");

        assertThat(refusal.field()).isEqualTo("platformKeys[1].keyId");
    }

    @Test
    void aPlatformKeyThatDoesNotDecodeIsRefusedWithItsPosition() {
        IccException refusal = assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE,
                List.of(platformKey("K1"), new PublicKeySpec(new KeyId("K2"), SignatureAlgorithm.SM2_SM3, "@@not a key@@")))),
                ErrorCategory.INVALID, "ICC-KEY-PUBLIC-KEY-INVALID");

        assertThat(refusal.field()).isEqualTo("platformKeys[1].publicKey");
        assertThat(axon.events()).isEmpty();
    }

    @Test
    void aPlatformKeyWithoutAlgorithmIsRefused() {
        IccException refusal = assertRefused(() -> axon.send(with("星星充电", CREDIT_CODE, contact(), BigDecimal.ONE,
                List.of(new PublicKeySpec(new KeyId("K1"), null, TestData.ED25519_KEY)))),
                ErrorCategory.INVALID, "ICC-KEY-ALGORITHM-REQUIRED");

        assertThat(refusal.field()).isEqualTo("platformKeys[0].algorithm");
    }
}

package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.evgrid.icc.ledger.json.IccJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignedCommandInterceptorIT {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyPair ADMIN = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
    private static final KeyPair ARCHIVE = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair PLATFORM = Crypto.generateKeyPair(SignatureAlgorithm.ECDSA_P256);
    private static final KeyPair MIXED = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair REVOKED = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair STRANGER = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);

    private final ObjectMapper mapper = IccJson.newMapper();
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final AtomicInteger nonceCounter = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();
    private EmbeddedMongo mongo;
    private MongoDatabase db;
    private SignedCommandInterceptor interceptor;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        db = mongo.database();
        KeyRegistry registry = new KeyRegistry(db, BootstrapKeys.administrator("admin-k1", Crypto.toPem(ADMIN.getPublic()), "admin"),
                CLOCK);
        KeyRegistryProjection projection = new KeyRegistryProjection(db, registry);
        register(projection, "archive-k1", ARCHIVE, "u-archivist", Set.of(Role.ARCHIVE_MANAGER), null);
        register(projection, "op1-k1", PLATFORM, "platform-OP-1", Set.of(Role.OPERATOR_PLATFORM), "OP-1");
        register(projection, "mixed-k1", MIXED, "u-mixed", Set.of(Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER), "OP-1");
        register(projection, "old-k1", REVOKED, "u-old", Set.of(Role.ARCHIVE_MANAGER), null);
        projection.on(new SignerKeyRevokedEvent(new KeyId("old-k1"), "u-old", null, "left the company"), NOW.minusSeconds(60));
        interceptor = new SignedCommandInterceptor(registry, db, CLOCK);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static void register(KeyRegistryProjection projection, String keyId, KeyPair pair, String owner, Set<Role> roles,
                                 String operator) {
        projection.on(new SignerKeyRegisteredEvent(new KeyId(keyId), Crypto.algorithmOf(pair.getPublic()), Crypto.toPem(pair.getPublic()),
                owner, roles, operator == null ? null : new OperatorId(operator), DataScope.HEADQUARTERS), NOW.minusSeconds(3600));
    }

    private String nextNonce() {
        return "test-nonce-%08d".formatted(nonceCounter.incrementAndGet());
    }

    private SignedEnvelope sign(Object command, String keyId, KeyPair pair) {
        return sign(command, keyId, pair, CLOCK);
    }

    private SignedEnvelope sign(Object command, String keyId, KeyPair pair, Clock clock) {
        return signer.sign(command, keyId, pair.getPrivate(), clock, this::nextNonce);
    }

    /** Dispatches a command with metadata through the interceptor into a handler that records what it saw. */
    private CommandMessage<?> dispatch(Object payload, Map<String, ?> metadata) throws Exception {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(payload).withMetaData(metadata);
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        AtomicReference<CommandMessage<?>> seen = new AtomicReference<>();
        try {
            Object result = interceptor.handle(unitOfWork, () -> {
                handled.incrementAndGet();
                seen.set(unitOfWork.getMessage());
                return "handled";
            });
            assertThat(result).isEqualTo("handled");
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
        return seen.get();
    }

    private CommandMessage<?> dispatch(Object payload, SignedEnvelope envelope) throws Exception {
        return dispatch(payload, Envelopes.metadataOf(envelope));
    }

    private void assertRefused(Object payload, Map<String, ?> metadata, ErrorCategory category, String code) {
        int handledBefore = handled.get();
        long noncesBefore = db.getCollection(SignedCommandInterceptor.NONCES).countDocuments();
        assertThatThrownBy(() -> dispatch(payload, metadata)).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.category()).isEqualTo(category);
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.fix()).isNotBlank();
        });
        assertThat(handled.get()).as("handler must not run").isEqualTo(handledBefore);
        assertThat(db.getCollection(SignedCommandInterceptor.NONCES).countDocuments()).as("no nonce burnt").isEqualTo(noncesBefore);
    }

    private void assertRefused(Object payload, SignedEnvelope envelope, ErrorCategory category, String code) {
        assertRefused(payload, Envelopes.metadataOf(envelope), category, code);
    }

    @Test
    void archiveManagerRegistersAnOperatorAndTheCommandGetsTheSignerMetadata() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);

        CommandMessage<?> seen = dispatch(command, envelope);

        String digest = Envelopes.digest(envelope);
        assertThat(seen.getPayload()).isEqualTo(command);
        assertThat(seen.getMetaData())
                .containsEntry(SignatureMetadata.SIGNER, "u-archivist")
                .containsEntry(SignatureMetadata.KEY_ID, "archive-k1")
                .containsEntry(SignatureMetadata.ALGORITHM, "SM2_SM3")
                .containsEntry(SignatureMetadata.ENVELOPE_DIGEST, digest)
                .containsEntry(SignatureMetadata.SIGNER_ROLES, "ARCHIVE_MANAGER")
                .doesNotContainKey(SignatureMetadata.SIGNER_OPERATOR);
        Document stored = db.getCollection(SignedCommandInterceptor.ENVELOPES).find(new Document("_id", digest)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("envelope")).isEqualTo(new String(Envelopes.signingInput(envelope), StandardCharsets.UTF_8));
        assertThat(stored.getString("signature")).isEqualTo(envelope.signature());
        assertThat(stored.getString("keyId")).isEqualTo("archive-k1");
        assertThat(stored.getString("algorithm")).isEqualTo("SM2_SM3");
        assertThat(stored.getString("signer")).isEqualTo("u-archivist");
        assertThat(stored.getDate("receivedAt").toInstant()).isEqualTo(NOW);
        assertThat(db.getCollection(SignedCommandInterceptor.NONCES).find(new Document("_id", "archive-k1|" + envelope.nonce())).first())
                .isNotNull();
    }

    @Test
    void envelopeInAnyFormattingIsAccepted() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);
        ObjectNode unsigned = Envelopes.toJson(envelope);
        unsigned.remove("signature");
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(unsigned);
        Map<String, Object> metadata = Map.of(SignatureMetadata.ENVELOPE, pretty,
                SignatureMetadata.SIGNATURE, envelope.signature());

        CommandMessage<?> seen = dispatch(command, metadata);

        assertThat(seen.getMetaData()).containsEntry(SignatureMetadata.ENVELOPE_DIGEST, Envelopes.digest(envelope));
    }

    @Test
    void decimalsSignedWithAnotherScaleStillBindTheSameCommand() throws Exception {
        RegisterOperatorCommand dispatched = TestCommands.registerOperator("OP-9");
        ObjectNode payload = mapper.valueToTree(dispatched);
        payload.put("shareRatio", new BigDecimal("0.85"));
        SignedEnvelope envelope = signer.sign("RegisterOperator", payload, "archive-k1", SignatureAlgorithm.SM2_SM3, ARCHIVE.getPrivate(),
                CLOCK, this::nextNonce);

        assertThat(dispatch(dispatched, envelope).getPayload()).isEqualTo(dispatched);
    }

    @Test
    void commandWithoutEnvelopeOrSignatureIsRefused() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);

        assertRefused(command, Map.of(), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-MISSING");
        assertRefused(command, Map.of(SignatureMetadata.ENVELOPE, Envelopes.metadataOf(envelope).get(SignatureMetadata.ENVELOPE)),
                ErrorCategory.UNAUTHENTICATED, "ICC-SIG-MISSING");
        assertRefused(command, Map.of(SignatureMetadata.SIGNATURE, envelope.signature()), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-MISSING");
    }

    @Test
    void malformedEnvelopeIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertRefused(command, Map.of(SignatureMetadata.ENVELOPE, "{oops", SignatureMetadata.SIGNATURE, "AAAA"),
                ErrorCategory.INVALID, "ICC-SIG-ENVELOPE");
    }

    @Test
    void unknownCommandTypeIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = signer.sign("RegisterSpaceship", command, "archive-k1", SignatureAlgorithm.SM2_SM3, ARCHIVE.getPrivate(),
                CLOCK, this::nextNonce);

        assertRefused(command, envelope, ErrorCategory.INVALID, "ICC-SIG-TYPE");
    }

    @Test
    void envelopeOfAnotherCommandTypeIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = signer.sign("RegisterPile", command, "archive-k1", SignatureAlgorithm.SM2_SM3, ARCHIVE.getPrivate(),
                CLOCK, this::nextNonce);

        assertRefused(command, envelope, ErrorCategory.INVALID, "ICC-SIG-TYPE");
    }

    @Test
    void dispatchedCommandThatDiffersFromTheSignedPayloadIsRefused() {
        SignedEnvelope envelope = sign(TestCommands.registerOperator("OP-9"), "archive-k1", ARCHIVE);

        assertRefused(TestCommands.registerOperator("OP-666"), envelope, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-PAYLOAD-MISMATCH");
    }

    @Test
    void signedPayloadWithAnExtraMemberIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        ObjectNode payload = mapper.valueToTree(command);
        payload.put("isAdmin", true);
        SignedEnvelope envelope = signer.sign("RegisterOperator", payload, "archive-k1", SignatureAlgorithm.SM2_SM3, ARCHIVE.getPrivate(),
                CLOCK, this::nextNonce);

        assertRefused(command, envelope, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-PAYLOAD-MISMATCH");
    }

    @Test
    void unknownKeyIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertRefused(command, sign(command, "nobody-k1", STRANGER), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-UNKNOWN-KEY");
    }

    @Test
    void revokedKeyIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertRefused(command, sign(command, "old-k1", REVOKED), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-KEY-REVOKED");
    }

    @Test
    void algorithmOtherThanTheKeysIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        KeyPair ed = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);

        assertRefused(command, sign(command, "archive-k1", ed), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-ALG-MISMATCH");
    }

    @Test
    void signatureByAnotherKeyIsRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertRefused(command, sign(command, "archive-k1", STRANGER), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
    }

    @Test
    void alteredSignatureOrTextAreRefused() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);
        byte[] signature = Base64.getDecoder().decode(envelope.signature());
        signature[signature.length - 3] ^= 0x10;
        Map<String, Object> flipped = new HashMap<>(Envelopes.metadataOf(envelope));
        flipped.put(SignatureMetadata.SIGNATURE, Base64.getEncoder().encodeToString(signature));
        Map<String, Object> notBase64 = new HashMap<>(Envelopes.metadataOf(envelope));
        notBase64.put(SignatureMetadata.SIGNATURE, "***");
        Map<String, Object> laterTimestamp = new HashMap<>(Envelopes.metadataOf(envelope));
        laterTimestamp.put(SignatureMetadata.ENVELOPE,
                ((String) laterTimestamp.get(SignatureMetadata.ENVELOPE)).replace(envelope.timestamp(), "2025-03-01T08:00:01Z"));

        assertRefused(command, flipped, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
        assertRefused(command, notBase64, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
        assertRefused(command, laterTimestamp, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
    }

    @Test
    void signingTimeOutsideFiveMinutesIsRefusedInsideIsAccepted() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertRefused(command, sign(command, "archive-k1", ARCHIVE, Clock.offset(CLOCK, Duration.ofMinutes(-6))),
                ErrorCategory.UNAUTHENTICATED, "ICC-SIG-STALE");
        assertRefused(command, sign(command, "archive-k1", ARCHIVE, Clock.offset(CLOCK, Duration.ofMinutes(6))),
                ErrorCategory.UNAUTHENTICATED, "ICC-SIG-STALE");
        assertThat(dispatch(command, sign(command, "archive-k1", ARCHIVE, Clock.offset(CLOCK, Duration.ofMinutes(-4))))).isNotNull();
    }

    @Test
    void systemAdministratorMayNotRegisterAnOperator() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");

        assertThatThrownBy(() -> dispatch(command, sign(command, "admin-k1", ADMIN))).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo("ICC-SIG-ROLE");
            assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN);
            assertThat(e.messageEn()).contains("ARCHIVE_MANAGER");
        });
        assertThat(handled.get()).isZero();
    }

    @Test
    void bootstrapAdministratorRegistersAKey() throws Exception {
        RegisterSignerKeyCommand command = new RegisterSignerKeyCommand(new KeyId("trader-k1"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(STRANGER.getPublic()), "u-trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);

        CommandMessage<?> seen = dispatch(command, sign(command, "admin-k1", ADMIN));

        assertThat(seen.getMetaData()).containsEntry(SignatureMetadata.SIGNER, "admin")
                .containsEntry(SignatureMetadata.SIGNER_ROLES, "SYSTEM_ADMIN").containsEntry(SignatureMetadata.ALGORITHM, "ED25519");
    }

    @Test
    void operatorPlatformActsOnItsOwnOperatorOnly() throws Exception {
        RegisterPileCommand own = TestCommands.registerPile("OP-1", "P-1");
        RegisterPileCommand foreign = TestCommands.registerPile("OP-2", "P-2");

        CommandMessage<?> seen = dispatch(own, sign(own, "op1-k1", PLATFORM));
        assertThat(seen.getMetaData()).containsEntry(SignatureMetadata.SIGNER_OPERATOR, "OP-1")
                .containsEntry(SignatureMetadata.SIGNER_ROLES, "OPERATOR_PLATFORM")
                .containsEntry(SignatureMetadata.ALGORITHM, "ECDSA_P256");

        assertRefused(foreign, sign(foreign, "op1-k1", PLATFORM), ErrorCategory.FORBIDDEN, "ICC-SCOPE-OPERATOR");
    }

    @Test
    void keyThatIsAlsoArchiveManagerActsBeyondItsOperator() throws Exception {
        RegisterPileCommand foreign = TestCommands.registerPile("OP-2", "P-2");

        CommandMessage<?> seen = dispatch(foreign, sign(foreign, "mixed-k1", MIXED));

        assertThat(seen.getMetaData()).containsEntry(SignatureMetadata.SIGNER_ROLES, "ARCHIVE_MANAGER,OPERATOR_PLATFORM")
                .containsEntry(SignatureMetadata.SIGNER_OPERATOR, "OP-1");
    }

    @Test
    void sameEnvelopeTwiceIsAReplay() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);
        dispatch(command, envelope);

        assertThatThrownBy(() -> dispatch(command, envelope)).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo("ICC-SIG-REPLAY");
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
        });
        assertThat(handled.get()).isEqualTo(1);
        assertThat(db.getCollection(SignedCommandInterceptor.ENVELOPES).countDocuments()).isEqualTo(1);
    }

    @Test
    void aStrangerCannotBurnANonce() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope forged = signer.sign("RegisterOperator", command, "archive-k1", SignatureAlgorithm.SM2_SM3, STRANGER.getPrivate(),
                CLOCK, () -> "shared-nonce-000001");
        SignedEnvelope genuine = signer.sign("RegisterOperator", command, "archive-k1", SignatureAlgorithm.SM2_SM3, ARCHIVE.getPrivate(),
                CLOCK, () -> "shared-nonce-000001");

        assertRefused(command, forged, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
        assertThat(dispatch(command, genuine)).isNotNull();
    }

    @Test
    void sameNonceWithAnotherKeyIsNoReplay() throws Exception {
        RegisterPileCommand pile = TestCommands.registerPile("OP-1", "P-1");
        SignedEnvelope byPlatform = signer.sign(pile, "op1-k1", PLATFORM.getPrivate(), CLOCK, () -> "shared-nonce-000002");
        SignedEnvelope byArchivist = signer.sign(pile, "archive-k1", ARCHIVE.getPrivate(), CLOCK, () -> "shared-nonce-000002");

        dispatch(pile, byPlatform);
        dispatch(pile, byArchivist);

        assertThat(handled.get()).isEqualTo(2);
    }

    @Test
    void refusalsLeaveNoStoredEnvelope() {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        for (SignedEnvelope bad : List.of(sign(command, "nobody-k1", STRANGER), sign(command, "archive-k1", STRANGER),
                sign(command, "admin-k1", ADMIN), sign(command, "old-k1", REVOKED))) {
            assertThatThrownBy(() -> dispatch(command, bad)).isInstanceOf(IccException.class);
        }

        assertThat(db.getCollection(SignedCommandInterceptor.ENVELOPES).countDocuments()).isZero();
        assertThat(db.getCollection(SignedCommandInterceptor.NONCES).countDocuments()).isZero();
    }

    @Test
    void correlationProviderCopiesSignerDataToEvents() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        SignedEnvelope envelope = sign(command, "archive-k1", ARCHIVE);
        CommandMessage<?> seen = dispatch(command, envelope).andMetaData(Map.of(SignatureMetadata.CLIENT_ADDRESS, "10.0.0.7"));

        Map<String, ?> data = new SignedCommandCorrelationDataProvider().correlationDataFor(seen);

        assertThat(data).containsOnlyKeys(SignatureMetadata.SIGNER, SignatureMetadata.KEY_ID, SignatureMetadata.ALGORITHM,
                SignatureMetadata.ENVELOPE_DIGEST, SignatureMetadata.CLIENT_ADDRESS);
        assertThat(data.get(SignatureMetadata.ENVELOPE_DIGEST)).isEqualTo(Envelopes.digest(envelope));
    }

    @Test
    void oldNoncesCanBePurged() throws Exception {
        RegisterOperatorCommand command = TestCommands.registerOperator("OP-9");
        dispatch(command, sign(command, "archive-k1", ARCHIVE));
        SignedCommandInterceptor later = new SignedCommandInterceptor(
                new KeyRegistry(db, BootstrapKeys.none(), CLOCK), db, Clock.offset(CLOCK, Duration.ofMinutes(11)));

        assertThat(later.purgeNonces()).isEqualTo(1);
        assertThat(db.getCollection(SignedCommandInterceptor.NONCES).countDocuments()).isZero();
    }
}

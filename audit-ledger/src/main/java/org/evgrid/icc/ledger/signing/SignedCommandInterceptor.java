package org.evgrid.icc.ledger.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.SignedBy;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.json.Jcs;
import org.evgrid.icc.ledger.signing.internal.NonceStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Verifies every command before its handler runs (DESIGN §5). The command must carry {@link SignatureMetadata#ENVELOPE}
 * (the envelope's JSON object without signature, any formatting) and {@link SignatureMetadata#SIGNATURE}. In order:
 * ICC-SIG-MISSING, ICC-SIG-ENVELOPE (malformed), ICC-SIG-TYPE, ICC-SIG-PAYLOAD-MISMATCH, ICC-SIG-UNKNOWN-KEY,
 * ICC-SIG-KEY-REVOKED, ICC-SIG-ALG-MISMATCH, ICC-SIG-INVALID, ICC-SIG-STALE, ICC-SIG-ROLE, ICC-SCOPE-OPERATOR, and last
 * ICC-SIG-REPLAY (so that nobody without a valid key can burn nonces). A refused command has no effect.
 *
 * <p>On success the envelope is stored in {@value #ENVELOPES} ({@code _id} = envelope digest) and the command gets
 * {@link SignatureMetadata#SIGNER}, {@code KEY_ID}, {@code ALGORITHM}, {@code ENVELOPE_DIGEST}, {@code SIGNER_ROLES} and
 * (if the key acts for an operator) {@code SIGNER_OPERATOR}; {@link SignedCommandCorrelationDataProvider} copies them to
 * the events. Register it on the command bus as a handler interceptor.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
public class SignedCommandInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Used nonces of commands: {@code {_id: keyId|nonce, at}}. */
    public static final String NONCES = "command_nonces";
    /**
     * Verified envelopes: {@code {_id: digest, envelope (or envelopeZ deflated, see StoredEnvelopes): signing input,
     * signature: base64, keyId, algorithm,
     * commandType, signer, timestamp, nonce, receivedAt}}.
     */
    public static final String ENVELOPES = "command_envelopes";
    /** How far a signing time may be from the center's time. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final KeyRegistry keys;
    private final NonceStore nonces;
    private final MongoCollection<Document> envelopes;
    private final Clock clock;
    private final Duration window;
    private final ObjectMapper mapper = IccJson.newMapper();

    @Autowired
    public SignedCommandInterceptor(KeyRegistry keys, MongoDatabase database, Clock clock) {
        this(keys, database, clock, DEFAULT_WINDOW);
    }

    public SignedCommandInterceptor(KeyRegistry keys, MongoDatabase database, Clock clock, Duration window) {
        this.keys = keys;
        this.nonces = new NonceStore(database, NONCES);
        this.envelopes = database.getCollection(ENVELOPES);
        this.clock = clock;
        this.window = window;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Map<String, Object> added = verify(unitOfWork.getMessage());
        unitOfWork.transformMessage(command -> command.andMetaData(added));
        return interceptorChain.proceed();
    }

    /** Verifies a command and records its envelope; answers the metadata to add. */
    private Map<String, Object> verify(CommandMessage<?> command) {
        MetaData metaData = command.getMetaData();
        Object envelopeValue = metaData.get(SignatureMetadata.ENVELOPE);
        Object signatureValue = metaData.get(SignatureMetadata.SIGNATURE);
        if (envelopeValue == null) {
            throw Refusals.missing("envelope");
        }
        if (!(signatureValue instanceof String signatureText) || signatureText.isBlank()) {
            throw Refusals.missing("signature");
        }
        JsonNode tree = envelopeValue instanceof JsonNode node ? node
                : Envelopes.readTree(envelopeValue instanceof String s ? s : String.valueOf(envelopeValue));
        SignedEnvelope envelope = Envelopes.read(tree, false);

        Class<?> commandClass = CommandTypes.byName(envelope.commandType())
                .filter(c -> c.equals(command.getPayloadType()))
                .orElseThrow(() -> Refusals.type(envelope.commandType()));
        if (!sameCommand(envelope.payload(), commandClass, command.getPayload())) {
            throw Refusals.payloadMismatch();
        }

        KeyId keyId = new KeyId(envelope.keyId());
        RegisteredKey key = KeyChecks.activeKey(keys, keyId);
        SignerKeyView view = key.view();
        if (envelope.algorithm() != view.algorithm()) {
            throw Refusals.algorithmMismatch(envelope.algorithm(), view.algorithm());
        }
        byte[] signingInput = Jcs.canonicalize(Envelopes.unsignedJson(envelope.commandType(), envelope.payload(), envelope.keyId(),
                envelope.algorithm(), envelope.timestamp(), envelope.nonce()));
        byte[] signature = Envelopes.signatureBytes(signatureText.trim());
        if (!key.verifies(signingInput, signature)) {
            throw Refusals.invalidSignature();
        }
        KeyChecks.fresh(Envelopes.instant(envelope.timestamp()), envelope.timestamp(), clock, window);
        checkRole(envelope.commandType(), commandClass, view);
        checkOperatorScope(commandClass, command.getPayload(), view);
        if (!nonces.claim(keyId.value(), envelope.nonce(), clock.instant())) {
            throw Refusals.replay();
        }

        String digest = Envelopes.digest(signingInput, signature);
        store(digest, envelope, signingInput, signatureText.trim(), view);
        Map<String, Object> added = new HashMap<>();
        added.put(SignatureMetadata.SIGNER, view.ownerId());
        added.put(SignatureMetadata.KEY_ID, keyId.value());
        added.put(SignatureMetadata.ALGORITHM, view.algorithm().name());
        added.put(SignatureMetadata.ENVELOPE_DIGEST, digest);
        added.put(SignatureMetadata.SIGNER_ROLES, KeyChecks.roleList(view.roles()));
        if (view.operatorId() != null) {
            added.put(SignatureMetadata.SIGNER_OPERATOR, view.operatorId().value());
        }
        return added;
    }

    /**
     * The signed payload, read as the command class, must be the dispatched command. Numbers are compared by value when
     * their scale differs (canonical JSON prints 1.50 as 1.5).
     */
    private boolean sameCommand(JsonNode signedPayload, Class<?> commandClass, Object dispatched) {
        Object signed;
        try {
            signed = mapper.treeToValue(signedPayload, commandClass);
        } catch (JsonProcessingException | IllegalArgumentException | IccException e) {
            return false;
        }
        if (Objects.equals(signed, dispatched)) {
            return true;
        }
        JsonNode a = mapper.valueToTree(signed);
        JsonNode b = mapper.valueToTree(dispatched);
        return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, b);
    }

    private static void checkRole(String commandType, Class<?> commandClass, SignerKeyView key) {
        SignedBy signedBy = commandClass.getAnnotation(SignedBy.class);
        List<Role> allowed = signedBy == null ? List.of() : Arrays.asList(signedBy.value());
        if (key.roles() == null || allowed.stream().noneMatch(key.roles()::contains)) {
            throw Refusals.role(commandType, allowed);
        }
    }

    /** A key allowed only as an operator platform acts on its own operator's data only. */
    private static void checkOperatorScope(Class<?> commandClass, Object payload, SignerKeyView key) {
        SignedBy signedBy = commandClass.getAnnotation(SignedBy.class);
        Set<Role> acting = EnumSet.noneOf(Role.class);
        for (Role role : signedBy.value()) {
            if (key.roles().contains(role)) {
                acting.add(role);
            }
        }
        if (acting.equals(EnumSet.of(Role.OPERATOR_PLATFORM)) && payload instanceof OperatorScoped scoped
                && (key.operatorId() == null || !key.operatorId().equals(scoped.operatorId()))) {
            throw Refusals.operatorScope(key.operatorId() == null ? "-" : key.operatorId().value());
        }
    }

    /** Forgets command nonces older than twice the window (they can no longer be replayed); run rarely (it scans). */
    public long purgeNonces() {
        return nonces.purgeBefore(clock.instant().minus(window.multipliedBy(2)));
    }

    private void store(String digest, SignedEnvelope envelope, byte[] signingInput, String signature, SignerKeyView key) {
        envelopes.updateOne(Filters.eq("_id", digest), Updates.combine(
                StoredEnvelopes.setOnInsert(signingInput),
                Updates.setOnInsert("signature", signature),
                Updates.setOnInsert("keyId", envelope.keyId()),
                Updates.setOnInsert("algorithm", envelope.algorithm().name()),
                Updates.setOnInsert("commandType", envelope.commandType()),
                Updates.setOnInsert("signer", key.ownerId()),
                Updates.setOnInsert("timestamp", envelope.timestamp()),
                Updates.setOnInsert("nonce", envelope.nonce()),
                Updates.setOnInsert("receivedAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
    }
}

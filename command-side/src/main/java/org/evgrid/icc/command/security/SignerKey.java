package org.evgrid.icc.command.security;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.security.internal.Signer;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;

/**
 * A public key that may sign commands, with the roles and data scope it acts for. Registration uses
 * create-if-missing so that a repeated key id is refused with {@code ICC-KEY-EXISTS}. An operator platform (signing
 * without the system administrator role) may register and revoke keys of its own operator only.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class SignerKey {

    @AggregateIdentifier
    private String streamId;
    private KeyId keyId;
    private String ownerId;
    private OperatorId operatorId;
    private boolean revoked;

    /** For Axon. */
    public SignerKey() {
    }

    /** A platform key of an operator being registered (called by the operator registration, which checked the key). */
    public static SignerKey forOperatorPlatform(PublicKeySpec key, OperatorId operatorId) {
        SignerKey signerKey = new SignerKey();
        apply(KeyRules.platformKey(key, operatorId, ""));
        return signerKey;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterSignerKeyCommand command,
                       @MetaDataValue(SignatureMetadata.SIGNER_ROLES) String signerRoles,
                       @MetaDataValue(SignatureMetadata.SIGNER_OPERATOR) String signerOperator) {
        SignerKeyRegisteredEvent event = KeyRules.registration(
                new PublicKeySpec(command.keyId(), command.algorithm(), command.publicKey()),
                command.ownerId(), command.roles(), command.operatorId(), command.scope(), "");
        Signer signer = Signer.of(signerRoles, signerOperator);
        if (signer.operatorPlatform()) {
            if (!event.roles().equals(Set.of(Role.OPERATOR_PLATFORM))) {
                throw Refusal.forbidden("ICC-KEY-ROLE-NOT-ALLOWED", "roles",
                        "运营平台只能登记“运营平台”角色的密钥", "An operator platform may register only keys with the OPERATOR_PLATFORM role",
                        "Ask the system administrator to register keys with other roles").exception();
            }
            requireOwnOperator(signer, event.operatorId());
        }
        if (keyId != null) {
            throw Refusal.conflict("ICC-KEY-EXISTS", "keyId",
                    "密钥标识 " + keyId + " 已被登记", "Key id " + keyId + " is already registered",
                    "Choose another key id; to replace a key, revoke the old one and register the new one under a new id").exception();
        }
        apply(event);
    }

    @CommandHandler
    public void handle(RevokeSignerKeyCommand command,
                       @MetaDataValue(SignatureMetadata.SIGNER_ROLES) String signerRoles,
                       @MetaDataValue(SignatureMetadata.SIGNER_OPERATOR) String signerOperator) {
        Signer signer = Signer.of(signerRoles, signerOperator);
        if (signer.operatorPlatform()) {
            requireOwnOperator(signer, operatorId);
        }
        if (revoked) {
            throw Refusal.conflict("ICC-KEY-ALREADY-REVOKED", "keyId",
                    "密钥 " + keyId + " 已被吊销", "Key " + keyId + " is already revoked",
                    "Nothing to do; register a new key if one is needed").exception();
        }
        String reason = Texts.optional(command.reason(), "reason", "吊销原因", "reason", 200);
        apply(new SignerKeyRevokedEvent(keyId, ownerId, operatorId, reason));
    }

    private void requireOwnOperator(Signer signer, OperatorId keyOperator) {
        if (keyOperator == null || !Objects.equals(keyOperator.value(), signer.operator())) {
            throw Refusal.forbidden("ICC-KEY-NOT-YOURS", "operatorId",
                    "运营平台只能管理本运营商的密钥", "An operator platform may manage only the keys of its own operator",
                    "Use a key of your own operator, or ask the system administrator").exception();
        }
    }

    @EventSourcingHandler
    void on(SignerKeyRegisteredEvent event) {
        streamId = StreamIds.of(event.keyId());
        keyId = event.keyId();
        ownerId = event.ownerId();
        operatorId = event.operatorId();
    }

    @EventSourcingHandler
    void on(SignerKeyRevokedEvent event) {
        revoked = true;
    }
}

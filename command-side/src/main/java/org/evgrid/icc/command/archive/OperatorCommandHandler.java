package org.evgrid.icc.command.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.evgrid.icc.command.archive.internal.ArchiveRules;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.security.KeyRules;
import org.evgrid.icc.command.security.SignerKey;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.springframework.stereotype.Component;

/**
 * Registers an operator together with one {@link SignerKey} per platform key (role operator platform, owner
 * {@code operator:<id>}), all in one unit of work: either the operator and all its keys exist afterwards, or nothing.
 */
@Component
public class OperatorCommandHandler {

    /** Most platform keys an operator registers with. */
    public static final int MAX_PLATFORM_KEYS = 5;

    private final Repository<Operator> operators;
    private final Repository<SignerKey> signerKeys;
    private final EventStore events;

    public OperatorCommandHandler(Repository<Operator> operatorRepository, Repository<SignerKey> signerKeyRepository,
                                  EventStore eventStore) {
        this.operators = operatorRepository;
        this.signerKeys = signerKeyRepository;
        this.events = eventStore;
    }

    @CommandHandler
    public void handle(RegisterOperatorCommand command) throws Exception {
        OperatorRegisteredEvent registration = check(command);
        OperatorId operatorId = command.operatorId();
        if (Aggregates.exists(events, operatorId)) {
            throw Refusal.conflict("ICC-OPERATOR-EXISTS", "operatorId",
                    "运营商 " + operatorId + " 已登记", "Operator " + operatorId + " is already registered",
                    "Choose another operator id, or update the registered operator").exception();
        }
        List<PublicKeySpec> keys = registration.platformKeys();
        for (int i = 0; i < keys.size(); i++) {
            KeyId keyId = keys.get(i).keyId();
            if (Aggregates.exists(events, keyId)) {
                throw Refusal.conflict("ICC-KEY-EXISTS", "platformKeys[" + i + "].keyId",
                        "密钥标识 " + keyId + " 已被登记", "Key id " + keyId + " is already registered",
                        "Choose another key id for this platform key").exception();
            }
        }
        operators.newInstance(() -> new Operator(registration));
        for (PublicKeySpec key : keys) {
            signerKeys.newInstance(() -> SignerKey.forOperatorPlatform(key, operatorId));
        }
    }

    /** Checks every field of a registration and answers its event. */
    static OperatorRegisteredEvent check(RegisterOperatorCommand command) {
        String name = ArchiveRules.name(command.name(), "name", "运营商名称", "operator name");
        String creditCode = ArchiveRules.creditCode(command.creditCode());
        Contact contact = ArchiveRules.contact(command.contact());
        BigDecimal shareRatio = ArchiveRules.shareRatio(command.shareRatio());
        List<PublicKeySpec> keys = command.platformKeys();
        if (keys == null || keys.isEmpty() || keys.size() > MAX_PLATFORM_KEYS) {
            int count = keys == null ? 0 : keys.size();
            throw Refusal.invalid("ICC-OPERATOR-KEYS-COUNT", "platformKeys",
                    "运营平台公钥应为 1 到 5 个，现为 " + count + " 个",
                    "An operator registers 1 to 5 platform keys; " + count + " given",
                    "Give the public keys the operator's platform signs with (at least one, at most five)").exception();
        }
        Set<KeyId> seen = new HashSet<>();
        List<PublicKeySpec> checked = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String prefix = "platformKeys[" + i + "].";
            PublicKeySpec key = keys.get(i);
            if (key == null) {
                throw Refusal.invalid("ICC-FIELD-REQUIRED", "platformKeys[" + i + "]",
                        "第 " + (i + 1) + " 个平台公钥为空", "Platform key " + (i + 1) + " is empty",
                        "Remove the empty entry or fill it in").exception();
            }
            KeyRules.platformKey(key, command.operatorId(), prefix);
            if (!seen.add(key.keyId())) {
                throw Refusal.invalid("ICC-OPERATOR-KEY-REPEATED", prefix + "keyId",
                        "密钥标识 " + key.keyId() + " 重复出现", "Key id " + key.keyId() + " appears more than once",
                        "Give each platform key its own id").exception();
            }
            checked.add(new PublicKeySpec(key.keyId(), key.algorithm(), key.publicKey().strip()));
        }
        return new OperatorRegisteredEvent(command.operatorId(), name, creditCode, contact, shareRatio, List.copyOf(checked));
    }
}

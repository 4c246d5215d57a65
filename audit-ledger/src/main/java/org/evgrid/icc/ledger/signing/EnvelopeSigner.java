package org.evgrid.icc.ledger.signing;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.json.IccJson;

/**
 * Signs commands as envelopes: the library partners (and the CLI, and the center's own services) use to call the
 * center. Thread-safe.
 */
public final class EnvelopeSigner {

    private final ObjectMapper mapper;

    /** A signer that turns payload objects into JSON with the center's rules ({@link IccJson#newMapper()}). */
    public EnvelopeSigner() {
        this(IccJson.newMapper());
    }

    /** A signer that turns payload objects into JSON with the given mapper (it must write identifiers as strings). */
    public EnvelopeSigner(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Signs a command payload.
     *
     * @param commandType the wire name, e.g. {@code RegisterPile}
     * @param payload the command: a {@link JsonNode} object or any object the mapper can write (e.g. the command record)
     * @param keyId the registered key's id
     * @param algorithm the key's algorithm
     * @param key the private key
     * @param clock the time to sign at (millisecond precision)
     * @param nonces a source of fresh nonces ({@link #randomNonces()})
     */
    public SignedEnvelope sign(String commandType, Object payload, String keyId, SignatureAlgorithm algorithm, PrivateKey key,
                               Clock clock, Supplier<String> nonces) {
        JsonNode json = payload instanceof JsonNode node ? node : mapper.valueToTree(payload);
        String timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String nonce = nonces.get();
        byte[] input = Envelopes.signingInput(commandType, json, keyId, algorithm, timestamp, nonce);
        String signature = Base64.getEncoder().encodeToString(Crypto.sign(algorithm, key, input));
        return new SignedEnvelope(commandType, json, keyId, algorithm, timestamp, nonce, signature);
    }

    /** Signs a command record: its type is the record's wire name, the algorithm the key's. */
    public SignedEnvelope sign(Object command, String keyId, PrivateKey key, Clock clock, Supplier<String> nonces) {
        return sign(CommandTypes.nameOf(command.getClass()), command, keyId, Crypto.algorithmOf(key), key, clock, nonces);
    }

    /** Nonces of 24 random bytes in unpadded base64url (32 characters) from a strong random source. */
    public static Supplier<String> randomNonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}

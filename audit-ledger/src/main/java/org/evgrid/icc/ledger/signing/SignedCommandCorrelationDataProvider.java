package org.evgrid.icc.ledger.signing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.springframework.stereotype.Component;

/**
 * Copies the verified signer data of a command (signer, key id, algorithm, envelope digest, client address) to every
 * event it produces. Register it with Axon's correlation data providers (keep Axon's MessageOriginProvider too).
 */
@Component
public class SignedCommandCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> KEYS = List.of(SignatureMetadata.SIGNER, SignatureMetadata.KEY_ID, SignatureMetadata.ALGORITHM,
            SignatureMetadata.ENVELOPE_DIGEST, SignatureMetadata.CLIENT_ADDRESS);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}

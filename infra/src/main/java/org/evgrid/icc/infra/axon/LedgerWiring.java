package org.evgrid.icc.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.UnknownSerializedType;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.keys.CenterKey;
import org.evgrid.icc.ledger.chain.LedgerEventSource;
import org.evgrid.icc.ledger.chain.LedgerSigner;
import org.evgrid.icc.ledger.chain.PayloadCanonicalizer;
import org.evgrid.icc.ledger.chain.StreamableLedgerEventSource;
import org.evgrid.icc.ledger.json.Jcs;
import org.evgrid.icc.ledger.signing.Crypto;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's collaborators: canonical payload bytes (RFC 8785), the center's checkpoint key, and the event source
 * the verifier re-reads events from.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerWiring {

    @Bean
    PayloadCanonicalizer payloadCanonicalizer(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        return payload -> {
            if (payload instanceof UnknownSerializedType unknown) {
                return unknownBytes(mapper, unknown);
            }
            return Jcs.canonicalize(mapper.valueToTree(payload));
        };
    }

    private static byte[] unknownBytes(ObjectMapper mapper, UnknownSerializedType unknown) {
        JsonNode json;
        try {
            json = unknown.readData(JsonNode.class);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json != null) {
            return Jcs.canonicalize(json);
        }
        return mapper.createObjectNode().put("unknownType", unknown.serializedType().getName()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Bean
    LedgerSigner ledgerSigner(CenterKey key) {
        SignatureAlgorithm algorithm = key.algorithm();
        return new LedgerSigner() {
            @Override
            public String keyId() {
                return key.keyId();
            }

            @Override
            public String algorithm() {
                return algorithm.name();
            }

            @Override
            public byte[] sign(byte[] data) {
                return Crypto.sign(algorithm, key.privateKey(), data);
            }

            @Override
            public boolean verify(byte[] data, byte[] signature) {
                return Crypto.verify(algorithm, key.publicKey(), data, signature);
            }
        };
    }

    @Bean
    LedgerEventSource ledgerEventSource(EventStore eventStore) {
        return new StreamableLedgerEventSource(eventStore);
    }
}

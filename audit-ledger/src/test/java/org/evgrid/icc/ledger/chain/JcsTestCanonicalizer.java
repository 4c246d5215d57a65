package org.evgrid.icc.ledger.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.evgrid.icc.ledger.json.Jcs;

/** RFC 8785 canonical bytes, as infra supplies them (needed where an offline verifier re-canonicalizes payloads). */
final class JcsTestCanonicalizer implements PayloadCanonicalizer {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public byte[] canonicalBytes(Object payload) {
        return Jcs.canonicalize(mapper.valueToTree(payload));
    }
}

package org.evgrid.icc.ledger.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The center's JSON settings, shared by the signed-command path, partners' clients and (through infra) the application. */
public final class IccJson {

    private IccJson() {
    }

    /**
     * A new mapper: identifiers as plain strings, java.time as ISO-8601 strings, unknown properties refused, BigDecimal
     * written plain and JSON decimals read as BigDecimal with their scale, in trees too (0.10 stays 0.10), duplicate member
     * names refused (signed JSON must be unambiguous), no default typing.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new IdentifierModule())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}

package org.evgrid.icc.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

class IccJsonTest {

    private final ObjectMapper mapper = IccJson.newMapper();

    record Sample(PileId pileId, Instant at, LocalDate day, BigDecimal amount) {
    }

    @Test
    void identifiersTravelAsPlainStrings() throws Exception {
        Sample sample = new Sample(new PileId("P-1"), Instant.parse("2025-03-01T08:00:00Z"), LocalDate.of(2025, 3, 1),
                new BigDecimal("1000.50"));

        String json = mapper.writeValueAsString(sample);

        assertThat(json).isEqualTo("{\"pileId\":\"P-1\",\"at\":\"2025-03-01T08:00:00Z\",\"day\":\"2025-03-01\",\"amount\":1000.50}");
        assertThat(mapper.readValue(json, Sample.class)).isEqualTo(sample);
    }

    @Test
    void everyIdentifierRecordIsReadWithoutRegistration() throws Exception {
        RegisterOperatorCommand command = new RegisterOperatorCommand(new OperatorId("OP-1"), "Green Charge", "91320000MA1XXXXX0X",
                new Contact("Li Lei", "13800000000", "li@example.com"), new BigDecimal("0.85"),
                List.of(new PublicKeySpec(new KeyId("op1-k1"), SignatureAlgorithm.SM2_SM3, "MFkw")));

        String json = mapper.writeValueAsString(command);

        assertThat(json).contains("\"operatorId\":\"OP-1\"", "\"keyId\":\"op1-k1\"");
        assertThat(mapper.readValue(json, RegisterOperatorCommand.class)).isEqualTo(command);
    }

    @Test
    void identifiersWorkAsMapKeys() throws Exception {
        Map<PileId, Integer> counts = Map.of(new PileId("P-7"), 3);

        String json = mapper.writeValueAsString(counts);

        assertThat(json).isEqualTo("{\"P-7\":3}");
        assertThat(mapper.readValue(json, new TypeReference<Map<PileId, Integer>>() { })).isEqualTo(counts);
    }

    @Test
    void malformedIdentifierIsRefusedByTheRecordsOwnRule() {
        assertThatThrownBy(() -> mapper.readValue("{\"pileId\":\"bad id!\"}", Sample.class))
                .hasRootCauseInstanceOf(IccException.class)
                .rootCause().hasMessageContaining("ICC-ID-INVALID");
    }

    @Test
    void identifierGivenAsObjectIsRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"pileId\":{\"value\":\"P-1\"}}", Sample.class))
                .hasMessageContaining("PileId");
    }

    @Test
    void unknownPropertiesAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"pileId\":\"P-1\",\"extra\":1}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void decimalsKeepTheirScale() throws Exception {
        assertThat(mapper.readTree("{\"a\":0.10}").get("a").decimalValue()).isEqualTo(new BigDecimal("0.10"));
        assertThat(mapper.readValue("{\"amount\":0.10}", Sample.class).amount()).isEqualTo(new BigDecimal("0.10"));
    }
}

package org.evgrid.icc.coreapi.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.junit.jupiter.api.Test;

class DeclarationCommandsTest {

    private final DeclareDemandCommand declare = new DeclareDemandCommand(new OperatorId("OP-1"), "MLT_MONTHLY",
            LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-1"), new BigDecimal("1000.5"), null);

    @Test
    void theAddressedDeclarationIsDerivedAndNotPartOfThePayload() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(declare));
        assertThat(json.has("declarationId")).isFalse();
        assertThat(json.get("periodStart").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void commandsAreRoutedToTheirSlotsDeclarationIdAndListedByWireName() {
        Object target = AnnotationCommandTargetResolver.builder().build()
                .resolveTarget(GenericCommandMessage.asCommandMessage(declare)).getIdentifierValue();
        assertThat(target).isEqualTo(new DeclarationId("OP-1~MLT_MONTHLY~2026-12-01~AU-1"));
        assertThat(CommandTypes.byName("DeclareDemand")).contains(DeclareDemandCommand.class);
        assertThat(CommandTypes.byName("AmendDemand")).contains(AmendDemandCommand.class);
        assertThat(CommandTypes.byName("WithdrawDemand")).contains(WithdrawDemandCommand.class);
    }
}

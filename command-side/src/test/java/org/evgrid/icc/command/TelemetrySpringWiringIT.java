package org.evgrid.icc.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.evgrid.icc.command.telemetry.internal.ReadingsLayout;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Telemetry ingestion as infra assembles it: the handler's beans (pile registry in the subscribing "command-lookups"
 * processor, readings store, default limits) come from the component scan and the beans infra provides.
 */
@SpringBootTest(classes = SpringWiringIT.Application.class, properties = {
    "axon.axonserver.enabled=false",
    "axon.eventhandling.processors.command-lookups.mode=subscribing"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TelemetrySpringWiringIT {

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private Clock clock;

    @Test
    void aTelemetryBatchIsIngestedOnTheSpringAssembledCommandSide() {
        gateway.sendAndWait(registerOperator("OP-T"));
        gateway.sendAndWait(registerStation("ST-T", "OP-T"));
        gateway.sendAndWait(new RegisterPileCommand(operator("OP-T"), new PileId("P-T"), new StationId("ST-T"), PileType.DC,
                new BigDecimal("60"), BigDecimal.ZERO, null, 2));
        Instant interval = Instant.ofEpochSecond(clock.instant().getEpochSecond() / 300 * 300 - 300);

        TelemetryReceipt receipt = gateway.sendAndWait(new ReportPowerReadingsCommand(new TelemetryBatchId("T-1"), operator("OP-T"),
                interval, List.of(new PowerReading(new PileId("P-T"), new BigDecimal("30"), new BigDecimal("31"), ConnectorStatus.CHARGING,
                        null, null, DataQuality.OK), new PowerReading(new PileId("P-NONE"), BigDecimal.ONE, BigDecimal.ONE,
                        ConnectorStatus.CHARGING, null, null, DataQuality.OK))));

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.rejected()).extracting(ItemError::code).containsExactly("ICC-TEL-PILE-UNKNOWN");
        assertThat(database.getCollection(ReadingsLayout.COLLECTION).find(Filters.eq("_id", receipt.readingsDocId())).first())
                .isNotNull();
    }
}

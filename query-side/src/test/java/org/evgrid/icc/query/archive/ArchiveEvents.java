package org.evgrid.icc.query.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;

/** Builds archive events as the event store delivers them: domain event messages with sequence and timestamp. */
final class ArchiveEvents {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    static final Region NANJING_XUANWU = new Region("320000", "320100", "320102");
    static final Region NANJING_QINHUAI = new Region("320000", "320100", "320104");
    static final Region SUZHOU_GUSU = new Region("320000", "320500", "320508");
    static final Region HANGZHOU_XIHU = new Region("330000", "330100", "330106");

    private ArchiveEvents() {
    }

    static DomainEventMessage<?> event(String aggregateId, long seq, Object payload, Instant at) {
        String type = payload.getClass().getSimpleName();
        return new GenericDomainEventMessage<>(type, aggregateId, seq, payload, MetaData.emptyInstance(),
                type + "-" + aggregateId + "-" + seq + "-" + at.toEpochMilli(), at);
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    static DomainEventMessage<?> operatorRegistered(String operatorId, Instant at) {
        return event(operatorId, 0, new OperatorRegisteredEvent(new OperatorId(operatorId), "运营商 " + operatorId,
                "91320000MA1" + operatorId, new Contact("张三", "13800000000", "ops@" + operatorId + ".example"),
                new BigDecimal("0.3500"), List.of()), at);
    }

    static DomainEventMessage<?> stationRegistered(String stationId, String operatorId, Region region, String area, Instant at) {
        return event(stationId, 0, new StationRegisteredEvent(new StationId(stationId), new OperatorId(operatorId),
                "充电站 " + stationId, region, new GeoPoint(new BigDecimal("32.041500"), new BigDecimal("118.784000")),
                new DispatchAreaId(area)), at);
    }

    static PileRegisteredEvent pile(String pileId, String operatorId, String stationId, Region region, String area, PileType type,
                                    String ratedKw) {
        return new PileRegisteredEvent(new PileId(pileId), new OperatorId(operatorId), new StationId(stationId),
                new DispatchAreaId(area), region, type, new BigDecimal(ratedKw), new BigDecimal("1.000"),
                type == PileType.V2G ? new BigDecimal(ratedKw) : new BigDecimal("0.000"), 2, new ImportBatchId("B-1"));
    }

    static DomainEventMessage<?> pileRegistered(PileRegisteredEvent event, Instant at) {
        return event(event.pileId().value(), 0, event, at);
    }

    static DomainEventMessage<?> pileDecommissioned(String pileId, String operatorId, String stationId, long seq, Instant at) {
        return event(pileId, seq, new PileDecommissionedEvent(new PileId(pileId), new OperatorId(operatorId), new StationId(stationId),
                "报废"), at);
    }

    static DomainEventMessage<?> unitCreated(String unitId, String area, String province, Instant at) {
        return event(unitId, 0, new AggregationUnitCreatedEvent(new AggregationUnitId(unitId), "聚合单元 " + unitId,
                new DispatchAreaId(area), province), at);
    }

    static DomainEventMessage<?> assigned(String unitId, long unitSeq, String pileId, String operatorId, Instant at) {
        return event(unitId, unitSeq, new PileAssignedToUnitEvent(new PileId(pileId), new AggregationUnitId(unitId),
                new OperatorId(operatorId)), at);
    }

    static DomainEventMessage<?> removed(String unitId, long unitSeq, String pileId, String operatorId, Instant at) {
        return event(unitId, unitSeq, new PileRemovedFromUnitEvent(new PileId(pileId), new AggregationUnitId(unitId),
                new OperatorId(operatorId)), at);
    }
}

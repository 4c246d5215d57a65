package org.evgrid.icc.query.telemetry;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.query.telemetry.internal.PileDims;
import org.evgrid.icc.query.telemetry.internal.PileDimsCache;
import org.evgrid.icc.query.telemetry.internal.RollupBatch;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.evgrid.icc.query.telemetry.internal.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Telemetry roll-ups: for every accepted batch, reads its readings document and updates the pile-day
 * documents ({@code tel_pile_days}), the aggregate day documents per operator, unit, dispatch area, province, city and
 * district ({@code tel_agg_days}), their month documents ({@code tel_agg_months}) and the completeness alarms
 * ({@code tel_alarms}). Keeps its own copy of each pile's dimensions ({@code tel_pile_dims}) from the archive events.
 * Writes are buffered per processor batch and flushed with one bulk write per collection (see {@link RollupBatch} for
 * why re-delivery is harmless).
 */
@Component
@ProcessingGroup(TelemetryProcessing.GROUP)
public class TelemetryRollupProjection {

    private static final String RESOURCE_KEY = TelemetryRollupProjection.class.getName();

    private final MongoDatabase database;
    private final LiveTelemetryHub hub;
    private final RollupBatch.CompletenessRule rule;
    private final PileDimsCache dims;

    @Autowired
    public TelemetryRollupProjection(MongoDatabase database, LiveTelemetryHub hub, ObjectProvider<TelemetrySettings> settings) {
        this(database, hub, settings.getIfAvailable(TelemetrySettings::defaults));
    }

    public TelemetryRollupProjection(MongoDatabase database, LiveTelemetryHub hub, TelemetrySettings settings) {
        this.database = database;
        this.hub = hub;
        this.rule = new RollupBatch.CompletenessRule(settings.completenessThreshold(), settings.graceMinutes());
        this.dims = new PileDimsCache(database);
    }

    @EventHandler
    public void on(TelemetryBatchReceivedEvent event) {
        within(batch -> batch.apply(event));
    }

    @EventHandler
    public void on(PileRegisteredEvent event) {
        within(batch -> batch.dims(new PileDims(event.pileId().value(), event.operatorId().value(), event.stationId().value(), null,
                event.dispatchAreaId() == null ? null : event.dispatchAreaId().value(),
                event.region() == null ? null : event.region().provinceCode(),
                event.region() == null ? null : event.region().cityCode(),
                event.region() == null ? null : event.region().districtCode(),
                event.ratedPowerKw() == null ? 0L : Units.watts(event.ratedPowerKw()), false)));
    }

    @EventHandler
    public void on(PileUpdatedEvent event) {
        within(batch -> batch.dimsOf(event.pileId().value()).ifPresent(pd -> batch.dims(
                pd.withRatedW(event.ratedPowerKw() == null ? pd.ratedW() : Units.watts(event.ratedPowerKw())))));
    }

    @EventHandler
    public void on(PileDecommissionedEvent event) {
        within(batch -> batch.dimsOf(event.pileId().value()).ifPresent(pd -> batch.dims(pd.decommission())));
    }

    @EventHandler
    public void on(PileAssignedToUnitEvent event) {
        within(batch -> batch.dimsOf(event.pileId().value()).ifPresent(pd -> batch.dims(pd.withUnit(event.unitId().value()))));
    }

    @EventHandler
    public void on(PileRemovedFromUnitEvent event) {
        within(batch -> batch.dimsOf(event.pileId().value())
                .filter(pd -> event.unitId().value().equals(pd.unitId()))
                .ifPresent(pd -> batch.dims(pd.withUnit(null))));
    }

    /** Forgets every roll-up before a replay. */
    @ResetHandler
    public void reset() {
        for (String collection : List.of(TelemetryCollections.PILE_DIMS, TelemetryCollections.PILE_DAYS,
                TelemetryCollections.AGG_DAYS, TelemetryCollections.AGG_MONTHS, TelemetryCollections.ALARMS)) {
            database.getCollection(collection).deleteMany(new Document());
        }
        dims.clear();
    }

    private void within(Consumer<RollupBatch> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            RollupBatch batch = new RollupBatch(database, dims, rule);
            work.accept(batch);
            batch.flush();
            hub.changed(batch.takeTouchedKeys());
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> root = current.root();
        RollupBatch batch = root.getOrComputeResource(RESOURCE_KEY, key -> {
            RollupBatch created = new RollupBatch(database, dims, rule);
            root.onPrepareCommit(uow -> created.flush());
            root.afterCommit(uow -> hub.changed(created.takeTouchedKeys()));
            root.onRollback(uow -> dims.clear());
            return created;
        });
        work.accept(batch);
        if (current instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
            batch.flush();
        }
    }
}

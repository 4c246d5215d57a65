package org.evgrid.icc.command.archive.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.springframework.stereotype.Component;

/**
 * The piles in service of each station, for the command side's "no decommissioning while piles are in service" rule.
 * Kept in collection {@value #COLLECTION} as one document per station: {@code {_id: stationId, pileIds: [...]}},
 * changed with {@code $addToSet} / {@code $pull} (idempotent). Runs in processing group {@value #PROCESSING_GROUP},
 * which must be a subscribing processor so that the lookup is current when the next command is handled. The writes
 * of one publication are collected and sent as one bulk write when its unit of work prepares to commit.
 */
@Component
@ProcessingGroup(StationPileIndex.PROCESSING_GROUP)
public class StationPileIndex {

    /** The processing group; configure it as a subscribing processor. */
    public static final String PROCESSING_GROUP = "command-lookups";
    /** The Mongo collection. */
    public static final String COLLECTION = "cmd_station_piles";
    static final String PILE_IDS = "pileIds";

    private final MongoCollection<Document> collection;
    private final String bufferKey = StationPileIndex.class.getName() + ".writes@" + System.identityHashCode(this);

    public StationPileIndex(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** How many piles of the station are in service. */
    public long inService(StationId stationId) {
        Document station = collection.find(Filters.eq("_id", stationId.value())).first();
        if (station == null) {
            return 0;
        }
        List<?> pileIds = station.getList(PILE_IDS, Object.class);
        return pileIds == null ? 0 : pileIds.size();
    }

    @EventHandler
    void on(PileRegisteredEvent event) {
        write(new UpdateOneModel<>(Filters.eq("_id", event.stationId().value()),
                Updates.addToSet(PILE_IDS, event.pileId().value()), new UpdateOptions().upsert(true)));
    }

    @EventHandler
    void on(PileDecommissionedEvent event) {
        write(new UpdateOneModel<>(Filters.eq("_id", event.stationId().value()),
                Updates.pull(PILE_IDS, event.pileId().value())));
    }

    private void write(WriteModel<Document> model) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(model));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<WriteModel<Document>> buffer = unitOfWork.getOrComputeResource(bufferKey, key -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(true)));
            return writes;
        });
        buffer.add(model);
    }
}

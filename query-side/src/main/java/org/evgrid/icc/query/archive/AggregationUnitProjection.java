package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveWriter;
import org.springframework.stereotype.Component;

/**
 * Read model of aggregation units ({@code arch_units}, {@code _id} = unit id). Members are kept by
 * {@link PileArchiveProjection} in the {@code UNIT} membership buckets; counts and rated power are derived when asked.
 */
@Component
@ProcessingGroup(ArchiveProcessing.GROUP)
public class AggregationUnitProjection {

    private final MongoDatabase database;

    public AggregationUnitProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(AggregationUnitCreatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        ArchiveWriter.within(database, writer -> writer.insertIfAbsent(ArchiveCollections.UNITS, event.unitId().value(),
                ArchiveDocuments.newUnit(event, seq, at)));
    }

    @ResetHandler
    public void reset() {
        database.getCollection(ArchiveCollections.UNITS).drop();
    }
}

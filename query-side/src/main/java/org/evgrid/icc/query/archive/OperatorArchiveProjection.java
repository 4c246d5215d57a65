package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorStatus;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.OperatorUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveWriter;
import org.springframework.stereotype.Component;

/**
 * Read model of charging operators ({@code arch_operators}, {@code _id} = operator id). A registration inserts the
 * document once; later changes apply only when newer than the document's aggregate sequence ({@code seq}).
 */
@Component
@ProcessingGroup(ArchiveProcessing.GROUP)
public class OperatorArchiveProjection {

    private final MongoDatabase database;

    public OperatorArchiveProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(OperatorRegisteredEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        ArchiveWriter.within(database, writer -> writer.insertIfAbsent(ArchiveCollections.OPERATORS, event.operatorId().value(),
                ArchiveDocuments.newOperator(event, seq, at)));
    }

    @EventHandler
    public void on(OperatorUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        change(event.operatorId().value(), seq, at, new Document(ArchiveDocuments.NAME, event.name())
                .append(ArchiveDocuments.CONTACT, ArchiveDocuments.contact(event.contact()))
                .append(ArchiveDocuments.SHARE_RATIO, ArchiveDocuments.decimal(event.shareRatio())));
    }

    @EventHandler
    public void on(OperatorSuspendedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        change(event.operatorId().value(), seq, at, new Document(ArchiveDocuments.STATUS, OperatorStatus.SUSPENDED.name()));
    }

    @EventHandler
    public void on(OperatorReinstatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        change(event.operatorId().value(), seq, at, new Document(ArchiveDocuments.STATUS, OperatorStatus.ACTIVE.name()));
    }

    @ResetHandler
    public void reset() {
        database.getCollection(ArchiveCollections.OPERATORS).drop();
    }

    private void change(String operatorId, long seq, Instant at, Document fields) {
        ArchiveWriter.within(database, writer -> {
            Optional<Document> current = writer.find(ArchiveCollections.OPERATORS, operatorId);
            if (current.isPresent() && ArchiveDocuments.seq(current.get()) < seq) {
                writer.set(ArchiveCollections.OPERATORS, operatorId, fields
                        .append(ArchiveDocuments.SEQ, seq)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.date(at)));
            }
        });
    }
}

package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileStatus;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveWriter;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read model of piles ({@code arch_piles}, {@code _id} = pile id) and of the piles in service per dimension key
 * ({@code arch_pile_members}, {@code _id} = {@code <DIMENSION>|<key>|<bucket>}, one array per pile type).
 *
 * <p>Re-delivered events converge to the same documents: registration inserts once and adds memberships (sets);
 * updates and decommissioning apply only when newer than the pile's aggregate sequence ({@code seq}); decommissioning
 * removes the pile from every membership it holds; unit changes set or clear {@code unitId} only when it differs, and
 * are ignored for decommissioned piles. The pile's own sequence is not compared with unit events, which may come from
 * the unit's aggregate. Assumes the events of one pile are handled in order (one segment, or a sequencing policy by
 * pile id).
 */
@Component
@ProcessingGroup(ArchiveProcessing.GROUP)
public class PileArchiveProjection {

    private static final Logger LOG = LoggerFactory.getLogger(PileArchiveProjection.class);

    private final MongoDatabase database;

    public PileArchiveProjection(MongoDatabase database) {
        this.database = database;
    }

    /**
     * Registers a pile. If the event was not applied by the pile's own aggregate (e.g. by an import batch), its sequence
     * says nothing about the pile's later events, and the document starts without one ({@code seq = -1}).
     */
    @EventHandler
    public void on(PileRegisteredEvent event, @SequenceNumber long seq, @SourceId String source, @Timestamp Instant at) {
        String pileId = event.pileId().value();
        Document fields = ArchiveDocuments.newPile(event, pileId.equals(source) ? seq : -1L, at);
        ArchiveWriter.within(database, writer -> {
            writer.insertIfAbsent(ArchiveCollections.PILES, pileId, fields);
            memberships(writer, fields, pileId, true);
        });
    }

    @EventHandler
    public void on(PileUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        String pileId = event.pileId().value();
        ArchiveWriter.within(database, writer -> pile(writer, pileId, event).ifPresent(pile -> {
            if (ArchiveDocuments.seq(pile) < seq) {
                writer.set(ArchiveCollections.PILES, pileId, new Document()
                        .append(ArchiveDocuments.RATED_POWER_KW, ArchiveDocuments.decimal(event.ratedPowerKw()))
                        .append(ArchiveDocuments.MIN_POWER_KW, ArchiveDocuments.decimal(event.minPowerKw()))
                        .append(ArchiveDocuments.MAX_DISCHARGE_KW, ArchiveDocuments.decimal(event.maxDischargeKw()))
                        .append(ArchiveDocuments.CONNECTOR_COUNT, event.connectorCount())
                        .append(ArchiveDocuments.SEQ, seq)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.laterUpdatedAt(pile, at)));
            }
        }));
    }

    @EventHandler
    public void on(PileDecommissionedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        String pileId = event.pileId().value();
        ArchiveWriter.within(database, writer -> pile(writer, pileId, event).ifPresent(pile -> {
            memberships(writer, pile, pileId, false);
            if (ArchiveDocuments.seq(pile) < seq) {
                writer.set(ArchiveCollections.PILES, pileId, new Document()
                        .append(ArchiveDocuments.STATUS, PileStatus.DECOMMISSIONED.name())
                        .append(ArchiveDocuments.UNIT_ID, null)
                        .append(ArchiveDocuments.SEQ, seq)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.laterUpdatedAt(pile, at)));
            }
        }));
    }

    @EventHandler
    public void on(PileAssignedToUnitEvent event, @Timestamp Instant at) {
        String pileId = event.pileId().value();
        String unitId = event.unitId().value();
        ArchiveWriter.within(database, writer -> pile(writer, pileId, event).ifPresent(pile -> {
            if (PileStatus.DECOMMISSIONED.name().equals(pile.getString(ArchiveDocuments.STATUS))) {
                return;
            }
            String type = pile.getString(ArchiveDocuments.TYPE);
            String previous = pile.getString(ArchiveDocuments.UNIT_ID);
            if (previous != null && !previous.equals(unitId)) {
                writer.member(ArchiveCollections.PILE_MEMBERS, Memberships.pileBucketIdOf(PileDimension.UNIT, previous, pileId),
                        type, pileId, false);
            }
            writer.member(ArchiveCollections.PILE_MEMBERS, Memberships.pileBucketIdOf(PileDimension.UNIT, unitId, pileId),
                    type, pileId, true);
            if (!unitId.equals(previous)) {
                writer.set(ArchiveCollections.PILES, pileId, new Document(ArchiveDocuments.UNIT_ID, unitId)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.laterUpdatedAt(pile, at)));
            }
        }));
    }

    @EventHandler
    public void on(PileRemovedFromUnitEvent event, @Timestamp Instant at) {
        String pileId = event.pileId().value();
        String unitId = event.unitId().value();
        String bucketId = Memberships.pileBucketIdOf(PileDimension.UNIT, unitId, pileId);
        ArchiveWriter.within(database, writer -> {
            Optional<Document> found = pile(writer, pileId, event);
            if (found.isEmpty()) {
                for (PileType type : PileType.values()) {
                    writer.member(ArchiveCollections.PILE_MEMBERS, bucketId, type.name(), pileId, false);
                }
                return;
            }
            Document pile = found.get();
            writer.member(ArchiveCollections.PILE_MEMBERS, bucketId, pile.getString(ArchiveDocuments.TYPE), pileId, false);
            if (unitId.equals(pile.getString(ArchiveDocuments.UNIT_ID))) {
                writer.set(ArchiveCollections.PILES, pileId, new Document(ArchiveDocuments.UNIT_ID, null)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.laterUpdatedAt(pile, at)));
            }
        });
    }

    @ResetHandler
    public void reset() {
        database.getCollection(ArchiveCollections.PILES).drop();
        database.getCollection(ArchiveCollections.PILE_MEMBERS).drop();
    }

    /** Adds or removes a pile in the membership of every dimension key of its document. */
    private static void memberships(ArchiveWriter writer, Document pile, String pileId, boolean present) {
        String type = pile.getString(ArchiveDocuments.TYPE);
        if (type == null) {
            LOG.warn("Pile {} has no type; its memberships are not changed", pileId);
            return;
        }
        for (Map.Entry<PileDimension, String> key : Memberships.keysOf(pile).entrySet()) {
            writer.member(ArchiveCollections.PILE_MEMBERS, Memberships.pileBucketIdOf(key.getKey(), key.getValue(), pileId),
                    type, pileId, present);
        }
    }

    /**
     * The pile's document as it stands after the writes buffered so far. The first lookup of a batch loads the documents
     * of every pile the batch changes with one {@code _id $in} read.
     */
    private static Optional<Document> pile(ArchiveWriter writer, String pileId, Object event) {
        if (!writer.cached(ArchiveCollections.PILES, pileId) && CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (root instanceof BatchingUnitOfWork<?> batch) {
                writer.prefetch(ArchiveCollections.PILES, pilesChangedBy(batch.getMessages()));
            }
        }
        Optional<Document> pile = writer.find(ArchiveCollections.PILES, pileId);
        if (pile.isEmpty()) {
            LOG.debug("{} names pile {}, which the archive read model does not hold; ignored", event.getClass().getSimpleName(), pileId);
        }
        return pile;
    }

    private static List<String> pilesChangedBy(List<? extends Message<?>> messages) {
        List<String> ids = new ArrayList<>();
        for (Message<?> message : messages) {
            if (!(message instanceof EventMessage<?>)) {
                continue;
            }
            Object payload = message.getPayload();
            if (payload instanceof PileUpdatedEvent e) {
                ids.add(e.pileId().value());
            } else if (payload instanceof PileDecommissionedEvent e) {
                ids.add(e.pileId().value());
            } else if (payload instanceof PileAssignedToUnitEvent e) {
                ids.add(e.pileId().value());
            } else if (payload instanceof PileRemovedFromUnitEvent e) {
                ids.add(e.pileId().value());
            }
        }
        return ids;
    }
}

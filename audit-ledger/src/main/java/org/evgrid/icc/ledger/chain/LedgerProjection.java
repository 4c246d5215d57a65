package org.evgrid.icc.ledger.chain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.ledger.chain.internal.ChainHead;
import org.evgrid.icc.ledger.chain.internal.ChainWriter;
import org.evgrid.icc.ledger.chain.internal.Checkpoint;
import org.evgrid.icc.ledger.chain.internal.CheckpointSealer;
import org.evgrid.icc.ledger.chain.internal.LedgerStore;
import org.evgrid.icc.ledger.chain.internal.MerkleLog;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hash chain over every stored event (DESIGN §5): each delivered event becomes the next ledger entry, and every
 * {@code checkpointInterval} entries the chain head is sealed with the center's key.
 *
 * <p>Runs in the single-threaded tracking processor {@value #PROCESSING_GROUP}. The events of an Axon batch are
 * buffered as a resource of the unit of work and written together when the batch's last event has been handled
 * (before the processor stores its token), or at the latest in prepare-commit. Re-delivered events are skipped.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    /** The processing group (tracking, one thread, batch size 200). */
    public static final String PROCESSING_GROUP = "ledger";
    /** Checkpoint interval when none is configured. */
    public static final long DEFAULT_CHECKPOINT_INTERVAL = 1000;

    private final LedgerStore store;
    private final CheckpointSealer sealer;
    private final ChainWriter writer;
    private final String batchResourceKey;

    /**
     * @param checkpointInterval entries between two automatic checkpoints (property {@code icc.ledger.checkpoint-interval})
     */
    @Autowired
    public LedgerProjection(MongoDatabase database, PayloadCanonicalizer canonicalizer, LedgerSigner signer, Clock clock,
                            @Value("${icc.ledger.checkpoint-interval:1000}") long checkpointInterval) {
        this.store = new LedgerStore(database);
        this.sealer = new CheckpointSealer(signer, clock);
        this.writer = new ChainWriter(store, canonicalizer, sealer, checkpointInterval);
        this.batchResourceKey = LedgerProjection.class.getName() + "@" + System.identityHashCode(this);
    }

    public LedgerProjection(MongoDatabase database, PayloadCanonicalizer canonicalizer, LedgerSigner signer, Clock clock) {
        this(database, canonicalizer, signer, clock, DEFAULT_CHECKPOINT_INTERVAL);
    }

    /** Chains every event, whatever its payload. */
    @EventHandler
    public void on(EventMessage<?> event, TrackingToken token) {
        if (!CurrentUnitOfWork.isStarted()) {
            ChainWriter.Batch batch = writer.begin();
            batch.add(event, token);
            batch.flush();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        UnitOfWork<?> root = unitOfWork.root();
        ChainWriter.Batch batch = root.getOrComputeResource(batchResourceKey, key -> {
            ChainWriter.Batch started = writer.begin();
            root.onPrepareCommit(u -> started.flush());
            return started;
        });
        batch.add(event, token);
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
            batch.flush();
        }
    }

    /**
     * Seals a checkpoint at the stored head now (if none exists there yet). Safe to call from any thread.
     *
     * @return the checkpoint at the head, or empty if the ledger has no entry yet
     */
    public Optional<LedgerCheckpointView> seal() {
        ChainHead head = store.loadHead();
        if (head.seq() < 0) {
            return Optional.empty();
        }
        Optional<Checkpoint> existing = store.findCheckpoint(head.seq());
        if (existing.isEmpty()) {
            String root = MerkleHashes.hex(new MerkleLog(store).frontierAt(head.seq() + 1).root());
            store.insertCheckpointsIfAbsent(List.of(sealer.seal(head.seq(), head.hash(), root)));
            existing = store.findCheckpoint(head.seq());
        }
        return existing.map(Checkpoint::toView);
    }
}

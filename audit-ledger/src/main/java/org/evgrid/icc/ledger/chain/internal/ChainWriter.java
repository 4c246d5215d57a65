package org.evgrid.icc.ledger.chain.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ledger.chain.PayloadCanonicalizer;
import org.evgrid.icc.ledger.merkle.MerkleFrontier;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends delivered events to the chain, a batch at a time, and repairs the head after an interrupted write.
 *
 * <p>Write order of a batch: entries (one ordered insert), Merkle nodes (one bulk write), event index, due checkpoints
 * (each with its signed tree head), head. A crash leaves at most entries (a prefix), nodes, index rows and checkpoints
 * beyond the head; {@link #reconcile()} adopts them before the next
 * batch, and events already in the index are skipped, so re-delivery never duplicates an entry.
 */
public final class ChainWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ChainWriter.class);

    private final LedgerStore store;
    private final PayloadCanonicalizer canonicalizer;
    private final CheckpointSealer sealer;
    private final long checkpointInterval;
    private final MerkleLog merkle;

    public ChainWriter(LedgerStore store, PayloadCanonicalizer canonicalizer, CheckpointSealer sealer, long checkpointInterval) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1, was " + checkpointInterval);
        }
        this.store = store;
        this.canonicalizer = canonicalizer;
        this.sealer = sealer;
        this.checkpointInterval = checkpointInterval;
        this.merkle = new MerkleLog(store);
    }

    /** Starts a batch from the stored head, after adopting entries an interrupted write left beyond it. */
    public Batch begin() {
        return new Batch(reconcile());
    }

    /**
     * Adopts entries beyond the head (written before a crash that stopped the head from moving): rebuilds their index
     * rows and due checkpoints and advances the head. An entry beyond the head that does not link to it is not ours to
     * adopt: the ledger then refuses to go on (nothing is overwritten).
     *
     * @return the head after adoption
     */
    public ChainHead reconcile() {
        ChainHead head = store.loadHead();
        while (store.entryExists(head.seq() + 1)) {
            Map<Long, ChainEntry> found = store.findEntries(head.seq() + 1, head.seq() + LedgerStore.MAX_LOOKUP);
            List<ChainEntry> adopted = new ArrayList<>();
            String hash = head.hash();
            for (long seq = head.seq() + 1; found.containsKey(seq); seq++) {
                ChainEntry entry = found.get(seq);
                if (!hash.equals(entry.previousHash()) || !entry.hash().equals(recomputeOrNull(entry))) {
                    throw new IllegalStateException("ledger entry " + seq + " beyond the head (seq " + head.seq()
                            + ") does not link to it; the chain was altered: verify the ledger and restore it from backup");
                }
                adopted.add(entry);
                hash = entry.hash();
            }
            ChainEntry last = adopted.get(adopted.size() - 1);
            LOG.warn("Ledger: adopting entries {}..{} written before an interrupted batch", adopted.get(0).seq(), last.seq());
            Grown grown = grow(merkle.frontierAt(head.seq() + 1), adopted);
            store.writeNodes(grown.nodes());
            store.writeIndex(adopted);
            store.insertCheckpointsIfAbsent(grown.checkpoints());
            head = new ChainHead(last.seq(), last.hash(), head.lastToken());
            store.writeHead(head);
        }
        return head;
    }

    private static String recomputeOrNull(ChainEntry entry) {
        try {
            return entry.recomputeHash();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Appends entries to the Merkle tree: the nodes they complete and the checkpoints (with tree heads) due among them. */
    private Grown grow(MerkleFrontier frontier, List<ChainEntry> entries) {
        List<MerkleFrontier.Node> nodes = new ArrayList<>(entries.size() * 2);
        List<Checkpoint> due = new ArrayList<>();
        for (ChainEntry entry : entries) {
            if (frontier.size() != entry.seq()) {
                throw new IllegalStateException("Merkle tree of size " + frontier.size() + " cannot take entry " + entry.seq());
            }
            nodes.addAll(frontier.append(MerkleHashes.leafHashOfHex(entry.hash())));
            if ((entry.seq() + 1) % checkpointInterval == 0) {
                due.add(sealer.seal(entry.seq(), entry.hash(), MerkleHashes.hex(frontier.root())));
            }
        }
        return new Grown(nodes, due);
    }

    private record Grown(List<MerkleFrontier.Node> nodes, List<Checkpoint> checkpoints) {
    }

    /** The events of one Axon batch, chained and written together by {@link #flush()}. */
    public final class Batch {

        private final ChainHead startHead;
        private final GlobalIndexTracker tracker;
        private final List<Delivered> delivered = new ArrayList<>();
        private final Set<String> eventIds = new HashSet<>();
        private boolean flushed;

        private Batch(ChainHead startHead) {
            this.startHead = startHead;
            this.tracker = new GlobalIndexTracker(startHead.lastToken());
        }

        /** Adds a delivered event (in delivery order). */
        public void add(EventMessage<?> event, TrackingToken token) {
            if (flushed) {
                throw new IllegalStateException("ledger batch already written");
            }
            long globalIndex = tracker.resolve(token);
            if (eventIds.add(event.getIdentifier())) {
                delivered.add(new Delivered(event, globalIndex));
            }
        }

        /** Chains the new events of the batch and writes them; does nothing the second time. */
        public void flush() {
            if (flushed) {
                return;
            }
            Set<String> known = store.indexedSeqs(new LinkedHashSet<>(eventIds)).keySet();
            List<ChainEntry> added = new ArrayList<>();
            long seq = startHead.seq();
            String hash = startHead.hash();
            for (Delivered next : delivered) {
                if (known.contains(next.event().getIdentifier())) {
                    continue;
                }
                ChainEntry entry = chain(++seq, hash, next);
                added.add(entry);
                hash = entry.hash();
            }
            ChainHead head = new ChainHead(seq, hash, tracker.last());
            Grown grown = added.isEmpty() ? new Grown(List.of(), List.of())
                    : grow(merkle.frontierAt(startHead.seq() + 1), added);
            store.insertEntries(added);
            store.writeNodes(grown.nodes());
            store.writeIndex(added);
            store.insertCheckpointsIfAbsent(grown.checkpoints());
            if (!added.isEmpty() || !Objects.equals(startHead.lastToken(), head.lastToken())) {
                store.writeHead(head);
            }
            flushed = true;
        }

        private ChainEntry chain(long seq, String previousHash, Delivered delivered) {
            EventMessage<?> event = delivered.event();
            String payloadDigest = LedgerHashes.sm3Hex(canonicalizer.canonicalBytes(event.getPayload()));
            String envelopeDigest = LedgerHashes.envelopeDigest(event.getMetaData().get(SignatureMetadata.ENVELOPE_DIGEST));
            Object signer = event.getMetaData().get(SignatureMetadata.SIGNER);
            String aggregateType = null;
            String aggregateId = null;
            Long aggregateSeq = null;
            if (event instanceof DomainEventMessage<?> domainEvent) {
                aggregateType = domainEvent.getType();
                aggregateId = domainEvent.getAggregateIdentifier();
                aggregateSeq = domainEvent.getSequenceNumber();
            }
            String hash = LedgerHashes.linkHash(previousHash, event.getIdentifier(), payloadDigest, envelopeDigest);
            return new ChainEntry(seq, delivered.globalIndex(), event.getIdentifier(), event.getPayloadType().getName(),
                    aggregateType, aggregateId, aggregateSeq, event.getTimestamp(), payloadDigest, envelopeDigest,
                    signer == null ? null : signer.toString(), previousHash, hash);
        }
    }

    private record Delivered(EventMessage<?> event, long globalIndex) {
    }
}

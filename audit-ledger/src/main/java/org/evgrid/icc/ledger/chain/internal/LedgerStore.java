package org.evgrid.icc.ledger.chain.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.evgrid.icc.ledger.merkle.MerkleFrontier;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleNodeId;

/**
 * The ledger's MongoDB collections. Every lookup is by {@code _id} (equality or {@code $in}), except the small
 * checkpoint collection, which is scanned.
 */
public final class LedgerStore {

    /** The chain: {@code _id} = seq. */
    public static final String ENTRIES = "ledger_entries";
    /** Event id to seq: {@code _id} = event id. */
    public static final String EVENT_INDEX = "ledger_event_index";
    /** The single head document. */
    public static final String HEAD = "ledger_head";
    /** Signed checkpoints: {@code _id} = seq of the last covered entry. */
    public static final String CHECKPOINTS = "ledger_checkpoints";

    /**
     * Merkle subtree hashes: {@code _id} = {@code level|index} of a complete aligned subtree of {@code 2^level} entries
     * (level 1 and up), {@code h} = hex hash.
     */
    public static final String MERKLE_NODES = "ledger_merkle_nodes";

    /** MongoDB's duplicate key error. */
    private static final int DUPLICATE_KEY = 11000;

    /** Largest number of ids in one {@code $in} lookup. */
    public static final int MAX_LOOKUP = 1000;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> eventIndex;
    private final MongoCollection<Document> head;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> merkleNodes;

    public LedgerStore(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.eventIndex = database.getCollection(EVENT_INDEX);
        this.head = database.getCollection(HEAD);
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.merkleNodes = database.getCollection(MERKLE_NODES);
    }

    /**
     * Writes the interior Merkle nodes (level 1 and up) in one unordered insert. Leaves (level 0) are not stored: a leaf
     * hash is SM3(0x00 ‖ the entry's hash), read from {@code ledger_entries}. A node's hash never changes, so a node that
     * exists already (re-written after an interrupted batch) is kept.
     */
    public void writeNodes(List<MerkleFrontier.Node> nodes) {
        List<Document> docs = new ArrayList<>(nodes.size());
        for (MerkleFrontier.Node node : nodes) {
            if (node.id().level() > 0) {
                docs.add(new Document("_id", node.id().id()).append("h", MerkleHashes.hex(node.hash())));
            }
        }
        if (docs.isEmpty()) {
            return;
        }
        try {
            merkleNodes.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /** The hashes of the given complete subtrees: leaves from the entries, interior nodes from the node collection. */
    public Map<MerkleNodeId, byte[]> findNodes(Collection<MerkleNodeId> ids) {
        Map<String, MerkleNodeId> byId = new HashMap<>();
        Map<Long, MerkleNodeId> leaves = new HashMap<>();
        for (MerkleNodeId id : ids) {
            if (id.level() == 0) {
                leaves.put(id.index(), id);
            } else {
                byId.put(id.id(), id);
            }
        }
        Map<MerkleNodeId, byte[]> found = new HashMap<>();
        List<String> keys = new ArrayList<>(byId.keySet());
        for (int from = 0; from < keys.size(); from += MAX_LOOKUP) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_LOOKUP));
            for (Document doc : merkleNodes.find(Filters.in("_id", chunk))) {
                found.put(byId.get(doc.getString("_id")), MerkleHashes.fromHex(doc.getString("h")));
            }
        }
        List<Long> seqs = new ArrayList<>(leaves.keySet());
        for (int from = 0; from < seqs.size(); from += MAX_LOOKUP) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + MAX_LOOKUP));
            for (Document doc : entries.find(Filters.in("_id", chunk)).projection(new Document("hash", 1))) {
                String hash = doc.getString("hash");
                if (hash != null && hash.matches("[0-9a-f]{64}")) {
                    found.put(leaves.get(Docs.longValue(doc, "_id")), MerkleHashes.leafHashOfHex(hash));
                }
            }
        }
        return found;
    }

    /** The newest checkpoint that carries a signed tree head, if any (scans the small checkpoint collection). */
    public Optional<Checkpoint> newestTreeHead() {
        Document doc = checkpoints.find(Filters.exists("rootHash")).sort(Sorts.descending("_id")).first();
        return Optional.ofNullable(doc).map(Checkpoint::fromDocument);
    }

    /** The checkpoint whose tree head covers exactly {@code treeSize} entries, if any. */
    public Optional<Checkpoint> treeHeadOfSize(long treeSize) {
        return findCheckpoint(treeSize - 1).filter(c -> c.rootHash() != null);
    }

    /** The stored head, or the head of an empty ledger. */
    public ChainHead loadHead() {
        Document doc = head.find(Filters.eq("_id", ChainHead.ID)).first();
        return doc == null ? ChainHead.empty() : ChainHead.fromDocument(doc);
    }

    public void writeHead(ChainHead chainHead) {
        head.replaceOne(Filters.eq("_id", ChainHead.ID), chainHead.toDocument(), new ReplaceOptions().upsert(true));
    }

    public Optional<ChainEntry> findEntry(long seq) {
        Document doc = entries.find(Filters.eq("_id", seq)).first();
        return Optional.ofNullable(doc).map(ChainEntry::fromDocument);
    }

    public boolean entryExists(long seq) {
        return entries.find(Filters.eq("_id", seq)).projection(new Document("_id", 1)).first() != null;
    }

    /** The entries with seq in {@code [fromSeq, toSeq]} that exist, by seq; at most {@link #MAX_LOOKUP} seqs. */
    public Map<Long, ChainEntry> findEntries(long fromSeq, long toSeq) {
        if (toSeq < fromSeq) {
            return Map.of();
        }
        if (toSeq - fromSeq + 1 > MAX_LOOKUP) {
            throw new IllegalArgumentException("at most " + MAX_LOOKUP + " entries per lookup");
        }
        List<Long> ids = LongStream.rangeClosed(fromSeq, toSeq).boxed().toList();
        Map<Long, ChainEntry> found = new HashMap<>();
        for (Document doc : entries.find(Filters.in("_id", ids))) {
            ChainEntry entry = ChainEntry.fromDocument(doc);
            found.put(entry.seq(), entry);
        }
        return found;
    }

    /** Seq by event id, for the given event ids that are in the ledger. */
    public Map<String, Long> indexedSeqs(Collection<String> eventIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = new ArrayList<>(eventIds);
        for (int from = 0; from < ids.size(); from += MAX_LOOKUP) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_LOOKUP));
            for (Document doc : eventIndex.find(Filters.in("_id", chunk))) {
                found.put(doc.getString("_id"), Docs.longValue(doc, "seq"));
            }
        }
        return found;
    }

    /** Inserts new entries in seq order (ordered: a crash leaves a prefix). */
    public void insertEntries(List<ChainEntry> newEntries) {
        if (newEntries.isEmpty()) {
            return;
        }
        entries.insertMany(newEntries.stream().map(ChainEntry::toDocument).toList(), new InsertManyOptions().ordered(true));
    }

    /** Writes the event index rows of the given entries (idempotent). */
    public void writeIndex(List<ChainEntry> indexed) {
        if (indexed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(indexed.size());
        for (ChainEntry entry : indexed) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", entry.eventId()),
                    new Document("_id", entry.eventId()).append("seq", entry.seq()), new ReplaceOptions().upsert(true)));
        }
        eventIndex.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Stores checkpoints that are not stored yet; an existing checkpoint at the same seq is kept as it is. */
    public void insertCheckpointsIfAbsent(List<Checkpoint> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(sealed.size());
        for (Checkpoint checkpoint : sealed) {
            Document fields = checkpoint.toDocument();
            fields.remove("_id");
            writes.add(new UpdateOneModel<>(Filters.eq("_id", checkpoint.seq()), new Document("$setOnInsert", fields),
                    new UpdateOptions().upsert(true)));
        }
        checkpoints.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    public Optional<Checkpoint> findCheckpoint(long seq) {
        Document doc = checkpoints.find(Filters.eq("_id", seq)).first();
        return Optional.ofNullable(doc).map(Checkpoint::fromDocument);
    }

    /** All checkpoints with seq at or after {@code fromSeq}, in seq order (scans the small checkpoint collection). */
    public List<Checkpoint> checkpointsFrom(long fromSeq) {
        List<Checkpoint> found = new ArrayList<>();
        for (Document doc : checkpoints.find(Filters.gte("_id", fromSeq)).sort(Sorts.ascending("_id"))) {
            found.add(Checkpoint.fromDocument(doc));
        }
        return found;
    }

    /** The newest checkpoints, newest first. */
    public List<Checkpoint> newestCheckpoints(int limit) {
        List<Checkpoint> found = new ArrayList<>();
        for (Document doc : checkpoints.find().sort(Sorts.descending("_id")).limit(limit)) {
            found.add(Checkpoint.fromDocument(doc));
        }
        return found;
    }
}

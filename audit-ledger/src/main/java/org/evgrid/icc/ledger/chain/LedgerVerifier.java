package org.evgrid.icc.ledger.chain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.chain.internal.ChainEntry;
import org.evgrid.icc.ledger.chain.internal.ChainHead;
import org.evgrid.icc.ledger.chain.internal.Checkpoint;
import org.evgrid.icc.ledger.chain.internal.CheckpointSealer;
import org.evgrid.icc.ledger.chain.internal.LedgerStore;
import org.evgrid.icc.ledger.merkle.MerkleFrontier;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleNodeId;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedCommandInterceptor;
import org.evgrid.icc.ledger.signing.StoredEnvelopes;
import org.springframework.stereotype.Component;

/**
 * Verifies a range of the ledger: seq continuity, the link and hash of every entry, every entry against the event it
 * records (re-read from the event store: id, payload digest, envelope digest and the descriptive fields), no stored
 * event left out between chained ones, every checkpoint in the range (signature, head hash, count), and, when the range
 * reaches the head, the head itself and that no checkpoint lies beyond it (truncation). Also: the stored Merkle nodes
 * against the recomputed tree, every signed tree head (signature, root), and every stored signed command envelope
 * against the digest the ledger recorded.
 */
@Component
public class LedgerVerifier {

    /** The largest range one verification covers. */
    public static final long MAX_RANGE = 1_000_000;

    private static final int CHUNK = LedgerStore.MAX_LOOKUP;

    private final LedgerStore store;
    private final PayloadCanonicalizer canonicalizer;
    private final LedgerSigner signer;
    private final LedgerEventSource events;
    private final MongoCollection<Document> envelopes;

    public LedgerVerifier(MongoDatabase database, PayloadCanonicalizer canonicalizer, LedgerSigner signer,
                          LedgerEventSource events) {
        this.store = new LedgerStore(database);
        this.canonicalizer = canonicalizer;
        this.signer = signer;
        this.events = events;
        this.envelopes = database.getCollection(SignedCommandInterceptor.ENVELOPES);
    }

    /** Verifies {@code [fromSeq, toSeq]}; {@code toSeq} beyond the head is cut to the head. */
    /** Re-reads every event and stored envelope of the range: minutes for a large ledger, hence its own time limit. */
    @QueryHandler
    @MessageHandlerTimeout(timeoutMs = 600_000, warningThresholdMs = 60_000, warningIntervalMs = 60_000)
    public LedgerVerificationView handle(VerifyLedgerQuery query) {
        long from = query.fromSeq();
        if (from < 0) {
            throw IccException.invalid("ICC-LEDGER-VERIFY-FROM", "fromSeq", "起始序号不能为负数",
                    "The first sequence number cannot be negative", "Send a fromSeq of 0 or more");
        }
        if (query.toSeq() < from) {
            throw IccException.invalid("ICC-LEDGER-VERIFY-TO", "toSeq", "结束序号不能小于起始序号",
                    "The last sequence number cannot be smaller than the first", "Send a toSeq equal to or greater than fromSeq");
        }
        ChainHead head = store.loadHead();
        if (head.seq() >= 0 && from > head.seq()) {
            throw IccException.invalid("ICC-LEDGER-VERIFY-FROM", "fromSeq",
                    "起始序号 " + from + " 超出账本末尾（最后一条序号为 " + head.seq() + "）",
                    "The first sequence number " + from + " lies beyond the end of the ledger (last entry " + head.seq() + ")",
                    "Send a fromSeq between 0 and " + head.seq());
        }
        long to = Math.min(query.toSeq(), head.seq());
        if (to - from + 1 > MAX_RANGE) {
            throw IccException.invalid("ICC-LEDGER-VERIFY-RANGE", "toSeq",
                    "一次最多核验 " + MAX_RANGE + " 条账本记录",
                    "One verification covers at most " + MAX_RANGE + " ledger entries",
                    "Split the range: verify from " + from + " to " + (from + MAX_RANGE - 1) + ", then continue from there");
        }
        return new Run(from, to, head, query.toSeq() >= head.seq()).execute();
    }

    private static long position(TrackedEventMessage<?> event) {
        return WrappedToken.unwrapLowerBound(event.trackingToken()).position().orElse(-1);
    }

    private record Break(long seq, String reason) {
    }

    /** One verification. */
    private final class Run {

        private final long from;
        private final long to;
        private final ChainHead head;
        private final boolean toHead;
        private Break firstBreak;
        private final List<Long> checkpointsOk = new ArrayList<>();
        private MerkleFrontier frontier;
        private final Map<Long, String> roots = new HashMap<>();

        Run(long from, long to, ChainHead head, boolean toHead) {
            this.from = from;
            this.to = to;
            this.head = head;
            this.toHead = toHead;
        }

        LedgerVerificationView execute() {
            String previousHash = LedgerHashes.ZERO_HASH;
            if (from > 0) {
                ChainEntry before = store.findEntry(from - 1).orElse(null);
                if (before == null) {
                    note(from - 1, "第 " + (from - 1) + " 条（核验范围前一条）缺失 / entry missing at seq " + (from - 1)
                            + ", the entry before the range");
                    return result();
                }
                previousHash = before.hash();
            }
            frontier = storedFrontier(from);
            List<Checkpoint> checkpoints = store.checkpointsFrom(from);
            TreeMap<Long, Checkpoint> inRange = new TreeMap<>();
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.seq() <= to) {
                    inRange.put(checkpoint.seq(), checkpoint);
                }
            }
            for (long chunkStart = from; chunkStart <= to && firstBreak == null; chunkStart += CHUNK) {
                long chunkEnd = Math.min(chunkStart + CHUNK - 1, to);
                Map<Long, ChainEntry> found = store.findEntries(chunkStart, chunkEnd);
                Map<Long, ChainEntry> linked = new LinkedHashMap<>();
                for (long seq = chunkStart; seq <= chunkEnd; seq++) {
                    ChainEntry entry = found.get(seq);
                    String problem = linkProblem(seq, entry, previousHash);
                    if (problem != null) {
                        note(seq, problem);
                        break;
                    }
                    linked.put(seq, entry);
                    previousHash = entry.hash();
                }
                checkEvents(new ArrayList<>(linked.values()));
                checkEnvelopes(linked.values());
                checkMerkle(linked.values());
                checkCheckpoints(inRange.subMap(chunkStart, true, chunkEnd, true).values(), linked);
            }
            if (firstBreak == null && toHead) {
                if (head.seq() >= 0 && !head.hash().equals(previousHash)) {
                    note(head.seq(), "账本头部与第 " + head.seq() + " 条不符 / head mismatch: the head records hash " + head.hash()
                            + " for seq " + head.seq() + ", the entry has " + previousHash);
                }
                for (Checkpoint checkpoint : checkpoints) {
                    if (checkpoint.seq() > head.seq()) {
                        note(head.seq() + 1, "账本被截断 / ledger truncated: the checkpoint at seq " + checkpoint.seq()
                                + " covers " + checkpoint.count() + " entries, but the ledger ends at seq " + head.seq());
                        break;
                    }
                }
            }
            return result();
        }

        private MerkleFrontier storedFrontier(long size) {
            if (size == 0) {
                return new MerkleFrontier();
            }
            List<MerkleNodeId> ids = MerkleFrontier.idsAt(size);
            Map<MerkleNodeId, byte[]> found = store.findNodes(ids);
            if (found.size() != ids.size()) {
                return null;
            }
            return new MerkleFrontier(size, ids.stream().map(found::get).toList());
        }

        /** Recomputes the Merkle nodes the entries complete and compares them with the stored ones. */
        private void checkMerkle(Collection<ChainEntry> linked) {
            if (frontier == null || linked.isEmpty()) {
                return;
            }
            Map<MerkleNodeId, byte[]> computed = new LinkedHashMap<>();
            for (ChainEntry entry : linked) {
                if (frontier.size() != entry.seq()) {
                    frontier = null;
                    return;
                }
                for (MerkleFrontier.Node node : frontier.append(MerkleHashes.leafHashOfHex(entry.hash()))) {
                    if (node.id().level() > 0) {
                        computed.put(node.id(), node.hash());
                    }
                }
                roots.put(entry.seq(), MerkleHashes.hex(frontier.root()));
            }
            Map<MerkleNodeId, byte[]> stored = store.findNodes(computed.keySet());
            for (Map.Entry<MerkleNodeId, byte[]> node : computed.entrySet()) {
                byte[] found = stored.get(node.getKey());
                if (found == null || !Arrays.equals(found, node.getValue())) {
                    long seq = node.getKey().firstLeaf() + node.getKey().size() - 1;
                    note(seq, "默克尔树节点 " + node.getKey().id() + (found == null ? " 缺失" : " 被改动") + " / Merkle node "
                            + node.getKey().id() + (found == null ? " missing" : " altered") + " (covers entries "
                            + node.getKey().firstLeaf() + " to " + seq + "): proofs would not match the chain");
                    return;
                }
            }
        }

        /** Every stored signed command envelope of the entries still has the digest the ledger recorded. */
        private void checkEnvelopes(Collection<ChainEntry> linked) {
            Map<String, Long> seqByDigest = new LinkedHashMap<>();
            for (ChainEntry entry : linked) {
                if (!LedgerHashes.ZERO_HASH.equals(entry.envelopeDigest())) {
                    seqByDigest.putIfAbsent(entry.envelopeDigest(), entry.seq());
                }
            }
            if (seqByDigest.isEmpty()) {
                return;
            }
            for (Document doc : envelopes.find(Filters.in("_id", new ArrayList<>(seqByDigest.keySet())))) {
                String digest = doc.getString("_id");
                String recomputed;
                try {
                    recomputed = Envelopes.digest(StoredEnvelopes.signedBytes(doc),
                            Base64.getDecoder().decode(doc.getString("signature")));
                } catch (RuntimeException e) {
                    recomputed = null;
                }
                if (!digest.equals(recomputed)) {
                    long seq = seqByDigest.get(digest);
                    note(seq, "第 " + seq + " 条的签名指令信封被改动 / signed command envelope altered at seq " + seq
                            + ": the stored envelope and signature no longer match the digest " + digest);
                }
            }
        }

        private String linkProblem(long seq, ChainEntry entry, String previousHash) {
            if (entry == null) {
                return "第 " + seq + " 条缺失 / entry missing at seq " + seq;
            }
            if (!previousHash.equals(entry.previousHash())) {
                return "第 " + seq + " 条链接断裂 / broken link at seq " + seq + ": previousHash is " + entry.previousHash()
                        + ", but the entry before has hash " + previousHash;
            }
            String recomputed;
            try {
                recomputed = entry.recomputeHash();
            } catch (IllegalArgumentException | NullPointerException e) {
                return "第 " + seq + " 条哈希不符 / hash mismatch at seq " + seq + ": a stored field is malformed ("
                        + e.getMessage() + ")";
            }
            if (!recomputed.equals(entry.hash())) {
                return "第 " + seq + " 条哈希不符 / hash mismatch at seq " + seq + ": stored " + entry.hash()
                        + ", recomputed " + recomputed;
            }
            return null;
        }

        private void checkEvents(List<ChainEntry> linked) {
            if (linked.isEmpty()) {
                return;
            }
            Map<Long, ChainEntry> byGlobalIndex = new HashMap<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (ChainEntry entry : linked) {
                ChainEntry other = byGlobalIndex.putIfAbsent(entry.globalIndex(), entry);
                if (other != null) {
                    note(entry.seq(), "第 " + entry.seq() + " 条全局序号重复 / duplicate global index " + entry.globalIndex()
                            + " at seq " + entry.seq() + " (also at seq " + other.seq() + ")");
                }
                min = Math.min(min, entry.globalIndex());
                max = Math.max(max, entry.globalIndex());
            }
            Set<Long> seen = new HashSet<>();
            Map<String, Long> strays = new LinkedHashMap<>();
            try (Stream<TrackedEventMessage<?>> stream = events.readAfter(min - 1)) {
                Iterator<TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    long globalIndex = position(event);
                    if (globalIndex > max) {
                        break;
                    }
                    if (globalIndex < min) {
                        continue;
                    }
                    ChainEntry entry = byGlobalIndex.get(globalIndex);
                    if (entry == null) {
                        strays.put(event.getIdentifier(), globalIndex);
                        continue;
                    }
                    seen.add(globalIndex);
                    String problem = eventProblem(entry, event);
                    if (problem != null) {
                        note(entry.seq(), problem);
                    }
                }
            }
            for (ChainEntry entry : linked) {
                if (!seen.contains(entry.globalIndex())) {
                    note(entry.seq(), "第 " + entry.seq() + " 条对应的事件在事件库中缺失 / event missing from the event store at seq "
                            + entry.seq() + ": event " + entry.eventId() + ", global index " + entry.globalIndex());
                }
            }
            if (!strays.isEmpty()) {
                Set<String> chained = store.indexedSeqs(strays.keySet()).keySet();
                for (Map.Entry<String, Long> stray : strays.entrySet()) {
                    if (chained.contains(stray.getKey())) {
                        continue;
                    }
                    for (ChainEntry entry : linked) {
                        if (entry.globalIndex() > stray.getValue()) {
                            note(entry.seq(), "事件未入账 / event not in the ledger: event " + stray.getKey() + " at global index "
                                    + stray.getValue() + " is in the event store but was never chained (first entry after it: seq "
                                    + entry.seq() + ")");
                            break;
                        }
                    }
                }
            }
        }

        private String eventProblem(ChainEntry entry, TrackedEventMessage<?> event) {
            long seq = entry.seq();
            if (!entry.eventId().equals(event.getIdentifier())) {
                return "第 " + seq + " 条事件标识不符 / event id mismatch at seq " + seq + ": the ledger has " + entry.eventId()
                        + ", the event store has " + event.getIdentifier() + " at global index " + entry.globalIndex();
            }
            String digest;
            try {
                digest = LedgerHashes.sm3Hex(canonicalizer.canonicalBytes(event.getPayload()));
            } catch (RuntimeException e) {
                return "第 " + seq + " 条事件内容无法读取 / event payload unreadable at seq " + seq + " (event " + entry.eventId()
                        + "): " + e.getMessage();
            }
            if (!digest.equals(entry.payloadDigest())) {
                return "第 " + seq + " 条事件内容被改动 / event payload altered at seq " + seq + " (event " + entry.eventId()
                        + ", global index " + entry.globalIndex() + "): ledger digest " + entry.payloadDigest()
                        + ", event store digest " + digest;
            }
            String envelope = LedgerHashes.envelopeDigest(event.getMetaData().get(SignatureMetadata.ENVELOPE_DIGEST));
            if (!envelope.equals(entry.envelopeDigest())) {
                return "第 " + seq + " 条信封摘要不符 / envelope digest mismatch at seq " + seq + " (event " + entry.eventId()
                        + "): ledger " + entry.envelopeDigest() + ", event store " + envelope;
            }
            return fieldProblem(entry, event);
        }

        private String fieldProblem(ChainEntry entry, TrackedEventMessage<?> event) {
            Map<String, Object[]> fields = new LinkedHashMap<>();
            fields.put("payloadType", new Object[] {entry.payloadType(), event.getPayloadType().getName()});
            fields.put("eventTime", new Object[] {entry.eventTime(), event.getTimestamp().truncatedTo(ChronoUnit.MILLIS)});
            Object signerValue = event.getMetaData().get(SignatureMetadata.SIGNER);
            fields.put("signer", new Object[] {entry.signer(), signerValue == null ? null : signerValue.toString()});
            boolean domain = event instanceof DomainEventMessage<?>;
            DomainEventMessage<?> domainEvent = domain ? (DomainEventMessage<?>) event : null;
            fields.put("aggregateType", new Object[] {entry.aggregateType(), domain ? domainEvent.getType() : null});
            fields.put("aggregateId", new Object[] {entry.aggregateId(), domain ? domainEvent.getAggregateIdentifier() : null});
            fields.put("aggregateSeq", new Object[] {entry.aggregateSeq(), domain ? domainEvent.getSequenceNumber() : null});
            for (Map.Entry<String, Object[]> field : fields.entrySet()) {
                Object[] values = field.getValue();
                if (!Objects.equals(values[0], values[1])) {
                    return "第 " + entry.seq() + " 条记录与事件不符 / entry differs from its event at seq " + entry.seq() + ": "
                            + field.getKey() + " is " + values[0] + " in the ledger, " + values[1] + " in the event store";
                }
            }
            return null;
        }

        private void checkCheckpoints(Iterable<Checkpoint> checkpoints, Map<Long, ChainEntry> linked) {
            for (Checkpoint checkpoint : checkpoints) {
                long seq = checkpoint.seq();
                ChainEntry entry = linked.get(seq);
                if (entry == null) {
                    continue;
                }
                if (!signer.keyId().equals(checkpoint.keyId()) || !signer.algorithm().equals(checkpoint.algorithm())) {
                    note(seq, "第 " + seq + " 条检查点的密钥无法核验 / checkpoint at seq " + seq + " names key " + checkpoint.keyId()
                            + " (" + checkpoint.algorithm() + "), not the center's key " + signer.keyId()
                            + " (" + signer.algorithm() + ")");
                } else if (!CheckpointSealer.signatureValid(signer, checkpoint)) {
                    note(seq, "第 " + seq + " 条检查点签名无效 / checkpoint signature invalid at seq " + seq + " (key "
                            + checkpoint.keyId() + ")");
                } else if (!entry.hash().equals(checkpoint.headHash())) {
                    note(seq, "第 " + seq + " 条检查点与账本不符 / checkpoint mismatch at seq " + seq + ": checkpoint head hash "
                            + checkpoint.headHash() + ", entry hash " + entry.hash());
                } else if (checkpoint.count() != seq + 1) {
                    note(seq, "第 " + seq + " 条检查点计数不符 / checkpoint count mismatch at seq " + seq + ": " + checkpoint.count()
                            + " instead of " + (seq + 1));
                } else if (checkpoint.rootHash() != null && !CheckpointSealer.treeHeadSignatureValid(signer, checkpoint.treeHead())) {
                    note(seq, "第 " + seq + " 条检查点的树头签名无效 / signed tree head invalid at seq " + seq + " (key "
                            + checkpoint.keyId() + ")");
                } else if (checkpoint.rootHash() != null && roots.containsKey(seq) && !roots.get(seq).equals(checkpoint.rootHash())) {
                    note(seq, "第 " + seq + " 条检查点的默克尔根与账本不符 / tree head root mismatch at seq " + seq + ": signed "
                            + checkpoint.rootHash() + ", recomputed " + roots.get(seq));
                } else {
                    checkpointsOk.add(seq);
                }
            }
        }

        private void note(long seq, String reason) {
            if (firstBreak == null || seq < firstBreak.seq()) {
                firstBreak = new Break(seq, reason);
            }
        }

        private LedgerVerificationView result() {
            long size = Math.max(0, to - from + 1);
            if (firstBreak == null) {
                String reason = size == 0
                        ? "账本为空 / the ledger is empty"
                        : "链完整 / chain intact: entries " + from + " to " + to + " match the event store, "
                                + checkpointsOk.size() + " checkpoint(s) verified";
                return new LedgerVerificationView(true, from, to, size, null, reason, head.seq(), head.hash(),
                        checkpointsOk.size());
            }
            long broken = firstBreak.seq();
            long checked = Math.max(0, Math.min(size, broken - from));
            long checkpointsVerified = checkpointsOk.stream().filter(seq -> seq < broken).count();
            return new LedgerVerificationView(false, from, to, checked, broken, firstBreak.reason(), head.seq(), head.hash(),
                    checkpointsVerified);
        }
    }
}

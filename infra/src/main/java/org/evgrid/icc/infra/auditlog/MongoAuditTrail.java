package org.evgrid.icc.infra.auditlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.evgrid.icc.coreapi.auditlog.SealAuditLogCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.infra.auditlog.internal.AuditChain;
import org.evgrid.icc.infra.diagnosis.SystemAlarms;
import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ui.auditlog.AuditLogView;
import org.evgrid.icc.ui.auditlog.AuditRecordView;
import org.evgrid.icc.ui.auditlog.AuditTrail;
import org.evgrid.icc.ui.auditlog.CommandAttempt;
import org.evgrid.icc.ui.auditlog.HttpOperation;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The audit log of business operations in MongoDB (R-6.2a): collection {@code audit_log}, one document per signed command
 * that reached the API, {@code _id} = the record's sequence as 19 digits (so ids follow the order of writing), each
 * record hash-chained to the one before ({@link AuditChain}); the newest record and the last seal in
 * {@code audit_log_head}. Every {@code icc.audit-log.seal-every} records, and every {@code icc.audit-log.seal-interval}
 * if records are unsealed, the center signs {@link SealAuditLogCommand} with the chain head, which puts it in the event
 * store and the hash-chained ledger. Records are kept at least {@code icc.audit-log.retention} (P180D or more; a shorter
 * setting stops the start); nothing deletes them. Each read verifies the chain over the records read; a break raises the
 * standard alarm {@code ALM-AUDIT_LOG-<first broken record>} ({@link SystemAlarms}).
 */
@Component
public class MongoAuditTrail implements AuditTrail, DisposableBean {

    /** The shortest retention the rules allow (R-8.2e: six months). */
    public static final Duration MIN_RETENTION = Duration.ofDays(180);
    /** The collection of records. */
    public static final String COLLECTION = "audit_log";
    /** The collection of the head document. */
    public static final String HEAD_COLLECTION = "audit_log_head";

    private static final Logger LOG = LoggerFactory.getLogger(MongoAuditTrail.class);
    private static final String HEAD_ID = "head";
    private static final int MAX_RANGE = 100_000;
    private static final int VERIFY_BATCH = 5_000;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> heads;
    private final CenterCommands center;
    private final QueryGateway queries;
    private final Clock clock;
    private final SystemAlarms alarms;
    private final int sealEvery;
    private final Duration retention;
    private final ScheduledExecutorService sealer;
    private final Map<String, String> signers = new ConcurrentHashMap<>();

    private long headSequence;
    private String headHash = LedgerHashes.ZERO_HASH;
    private long sealedSequence;

    public MongoAuditTrail(MongoDatabase database, @Lazy CenterCommands center, QueryGateway queries, Clock clock,
                           @Value("${icc.audit-log.seal-every:1000}") int sealEvery,
                           @Value("${icc.audit-log.seal-interval:PT5M}") Duration sealInterval,
                           @Value("${icc.audit-log.retention:P180D}") Duration retention, SystemAlarms alarms) {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalStateException("icc.audit-log.retention is " + retention + ": audit records must be kept at least 180 days "
                    + "(P180D, six months); set it to P180D or more");
        }
        if (sealEvery < 1 || sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalStateException("icc.audit-log.seal-every must be 1 or more and icc.audit-log.seal-interval positive");
        }
        this.records = database.getCollection(COLLECTION);
        this.heads = database.getCollection(HEAD_COLLECTION);
        this.center = center;
        this.queries = queries;
        this.clock = clock;
        this.alarms = alarms;
        this.sealEvery = sealEvery;
        this.retention = retention;
        recover();
        this.sealer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "icc-audit-log-sealer");
            t.setDaemon(true);
            return t;
        });
        sealer.scheduleWithFixedDelay(this::sealQuietly, sealInterval.toMillis(), sealInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long records are kept at least. */
    public Duration retention() {
        return retention;
    }

    @Override
    public void record(CommandAttempt attempt) {
        try {
            append(attempt);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit record of a {} command from {}", attempt.request().commandType(), attempt.remoteAddress(), e);
        }
    }

    @Override
    public void record(HttpOperation operation) {
        try {
            String reason = operation.accepted() ? null : "HTTP " + operation.status();
            append(operation.at(), operation.keyId(), operation.principal(), operation.remoteAddress(),
                    operation.method() + " " + operation.path(), operation.path(), operation.accepted(), operation.problemCode(), reason, null);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit record of {} {} from {}", operation.method(), operation.path(), operation.remoteAddress(), e);
        }
    }

    private void append(CommandAttempt attempt) {
        CommandEnvelopeRequest request = attempt.request();
        append(attempt.at(), request.keyId(), signerOf(request.keyId()), attempt.remoteAddress(), request.commandType(), attempt.target(),
                attempt.accepted(), attempt.problemCode(), attempt.reason(), digestOf(request));
    }

    private void append(Instant at, String keyId, String signer, String address, String operation, String target, boolean accepted,
                        String problemCode, String reason, String digest) {
        boolean sealDue;
        synchronized (this) {
            long sequence = headSequence + 1;
            AuditRecordView record = AuditChain.linked(new AuditRecordView(sequence, AuditChain.truncated(at), keyId,
                    signer, address, operation, target, accepted ? "ACCEPTED" : "REFUSED",
                    problemCode, reason, digest, null, null), headHash);
            records.insertOne(toDocument(record));
            headSequence = sequence;
            headHash = record.hash();
            saveHead();
            sealDue = headSequence - sealedSequence >= sealEvery;
        }
        if (sealDue) {
            sealer.execute(this::sealQuietly);
        }
    }

    /**
     * Seals the log up to its newest record now, if anything is unsealed.
     *
     * @return the sequence sealed, or empty if nothing was unsealed
     */
    public Optional<Long> seal() {
        long sequence;
        String hash;
        synchronized (this) {
            if (headSequence <= sealedSequence) {
                return Optional.empty();
            }
            sequence = headSequence;
            hash = headHash;
        }
        center.send(new SealAuditLogCommand(sequence, hash));
        synchronized (this) {
            sealedSequence = Math.max(sealedSequence, sequence);
            saveHead();
        }
        LOG.info("Audit log sealed up to record {} (chain head {})", sequence, hash);
        return Optional.of(sequence);
    }

    private void sealQuietly() {
        try {
            seal();
        } catch (RuntimeException e) {
            LOG.warn("Could not seal the audit log; will try again", e);
        }
    }

    @Override
    public AuditLogView find(Instant from, Instant to, String result, String operation, int limit) {
        List<AuditRecordView> range = new ArrayList<>();
        for (Document d : records.find(Filters.and(Filters.gte("time", Date.from(from)), Filters.lt("time", Date.from(to))))
                .sort(Sorts.ascending("_id")).limit(MAX_RANGE)) {
            range.add(fromDocument(d));
        }
        long head;
        synchronized (this) {
            head = headSequence;
        }
        AuditChain.Verdict verdict;
        if (range.isEmpty()) {
            verdict = new AuditChain.Verdict(null, null);
        } else {
            long first = range.get(0).sequence();
            String before = first == 1 ? LedgerHashes.ZERO_HASH : Optional.ofNullable(byId(first - 1)).map(AuditRecordView::hash).orElse(null);
            verdict = AuditChain.verify(range, before, byId(range.get(range.size() - 1).sequence() + 1), head);
        }
        if (!verdict.verified()) {
            LOG.error("AUDIT LOG BROKEN at record {}: {}", verdict.brokenAt(), verdict.problem());
            alarms.auditLogBroken(verdict.brokenAt(), verdict.problem());
        }
        List<AuditRecordView> shown = range.stream()
                .filter(r -> result == null || result.equals(r.result()))
                .filter(r -> operation == null || operation.equals(r.operation()))
                .limit(limit)
                .toList();
        return new AuditLogView(shown, range.size(), verdict.verified(), verdict.brokenAt(), verdict.problem());
    }

    /** The outcome of checking the whole chain: how many records, and the first break (null when intact). */
    public record ChainCheck(long checked, long head, long sealedSequence, AuditChain.Verdict verdict) {
    }

    /**
     * Checks the whole chain, from record 1 to the head as known now, in batches by {@code _id} (the background job's
     * check; {@link #find} checks only a time range). Does not raise alarms: the caller decides.
     */
    public ChainCheck verifyChain() {
        long head;
        long sealed;
        synchronized (this) {
            head = headSequence;
            sealed = sealedSequence;
        }
        String before = LedgerHashes.ZERO_HASH;
        long checked = 0;
        for (long from = 1; from <= head; from += VERIFY_BATCH) {
            long to = Math.min(head, from + VERIFY_BATCH - 1);
            List<AuditRecordView> batch = new ArrayList<>();
            for (Document d : records.find(Filters.and(Filters.gte("_id", idOf(from)), Filters.lte("_id", idOf(to))))
                    .sort(Sorts.ascending("_id"))) {
                batch.add(fromDocument(d));
            }
            if (batch.isEmpty() || batch.get(0).sequence() != from) {
                return new ChainCheck(checked, head, sealed, new AuditChain.Verdict(from, "record " + from + " is missing"));
            }
            AuditChain.Verdict verdict = AuditChain.verify(batch, before, to < head ? byId(to + 1) : null, to);
            if (!verdict.verified()) {
                return new ChainCheck(checked, head, sealed, verdict);
            }
            checked += batch.size();
            before = batch.get(batch.size() - 1).hash();
        }
        return new ChainCheck(checked, head, sealed, new AuditChain.Verdict(null, null));
    }

    /** The chain hash of a record as stored now, or null when it is missing. */
    public String hashOf(long sequence) {
        AuditRecordView r = byId(sequence);
        return r == null ? null : r.hash();
    }

    @Override
    public void destroy() {
        sealer.shutdownNow();
    }

    private AuditRecordView byId(long sequence) {
        Document d = records.find(Filters.eq("_id", idOf(sequence))).first();
        return d == null ? null : fromDocument(d);
    }

    /** Picks up the head, and any records written after it was last saved (a crash between the two writes). */
    private void recover() {
        Document head = heads.find(Filters.eq("_id", HEAD_ID)).first();
        if (head != null) {
            headSequence = head.get("sequence", Number.class).longValue();
            headHash = head.getString("hash");
            sealedSequence = head.get("sealedSequence", Number.class).longValue();
        }
        for (AuditRecordView next = byId(headSequence + 1); next != null; next = byId(headSequence + 1)) {
            headSequence = next.sequence();
            headHash = next.hash();
        }
    }

    private void saveHead() {
        heads.replaceOne(Filters.eq("_id", HEAD_ID), new Document("_id", HEAD_ID).append("sequence", headSequence).append("hash", headHash)
                .append("sealedSequence", sealedSequence), new ReplaceOptions().upsert(true));
    }

    private String signerOf(String keyId) {
        if (keyId == null) {
            return null;
        }
        String known = signers.get(keyId);
        if (known != null) {
            return known;
        }
        try {
            SignerKeyView key = queries.query(new FindSignerKeyQuery(new KeyId(keyId)), ResponseTypes.instanceOf(SignerKeyView.class))
                    .get(5, TimeUnit.SECONDS);
            if (key != null && key.ownerId() != null) {
                signers.put(keyId, key.ownerId());
                return key.ownerId();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("No signer for key {}", keyId, e);
        }
        return null;
    }

    private static String digestOf(CommandEnvelopeRequest r) {
        try {
            return Envelopes.digest(Envelopes.signingInput(r.commandType(), r.payload(), r.keyId(), r.algorithm(), r.timestamp(), r.nonce()),
                    Base64.getDecoder().decode(r.signature().trim()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String idOf(long sequence) {
        return String.format("%019d", sequence);
    }

    static Document toDocument(AuditRecordView r) {
        return new Document("_id", idOf(r.sequence())).append("sequence", r.sequence()).append("time", Date.from(r.time()))
                .append("keyId", r.keyId()).append("signer", r.signer()).append("remoteAddress", r.remoteAddress())
                .append("operation", r.operation()).append("target", r.target()).append("result", r.result())
                .append("problemCode", r.problemCode()).append("reason", r.reason()).append("envelopeDigest", r.envelopeDigest())
                .append("previousHash", r.previousHash()).append("hash", r.hash());
    }

    static AuditRecordView fromDocument(Document d) {
        Date time = d.getDate("time");
        Number sequence = d.get("sequence", Number.class);
        return new AuditRecordView(sequence == null ? -1 : sequence.longValue(), time == null ? null : time.toInstant(), d.getString("keyId"),
                d.getString("signer"), d.getString("remoteAddress"), d.getString("operation"), d.getString("target"), d.getString("result"),
                d.getString("problemCode"), d.getString("reason"), d.getString("envelopeDigest"), d.getString("previousHash"),
                d.getString("hash"));
    }
}

package org.evgrid.icc.infra.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.diagnosis.FindLedgerVerificationsQuery;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationList;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.infra.diagnosis.internal.VerificationStore;
import org.evgrid.icc.ledger.chain.LedgerVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background ledger verification (R-6.2b): every hour ({@code icc.diagnosis.ledger-verify-cron}, default at :17) the
 * ledger is verified from the last verified entry (inclusive, so the link to it is re-checked) to the head; every night
 * ({@code icc.diagnosis.ledger-full-verify-cron}, default 02:47) from the first entry. Ranges larger than
 * {@link LedgerVerifier#MAX_RANGE} are verified in consecutive parts; one verdict per run goes to
 * {@code diag_ledger_verifications}. A broken chain is logged at ERROR, turns the self-diagnosis FAILED and raises the
 * standard alarm {@code ALM-LEDGER-<first broken position>} ({@link SystemAlarms}; the same break found again counts as a
 * repeat of that alarm); the next
 * incremental run starts again before the break, so the failure stays visible until the ledger is repaired.
 */
@Component
public class LedgerVerificationJob {

    /** Incremental: from the last verified entry. */
    public static final String INCREMENTAL = "INCREMENTAL";
    /** Full: from the first entry. */
    public static final String FULL = "FULL";
    static final int MAX_LIST = 200;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerVerificationJob.class);

    private final LedgerVerifier verifier;
    private final VerificationStore store;
    private final Clock clock;
    private final SystemAlarms alarms;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "icc-ledger-verification");
        t.setDaemon(true);
        return t;
    });

    public LedgerVerificationJob(LedgerVerifier verifier, MongoDatabase database, Clock clock, SystemAlarms alarms) {
        this.verifier = verifier;
        this.alarms = alarms;
        this.store = new VerificationStore(database);
        this.clock = clock;
    }

    /** The hourly incremental pass, on the job's own thread (the shared scheduler thread also polls the outbox). */
    @Scheduled(cron = "${icc.diagnosis.ledger-verify-cron:0 17 * * * *}")
    public void scheduledIncremental() {
        worker.execute(() -> verify(INCREMENTAL));
    }

    /** The nightly full pass (a month of demo data: about a minute), on the job's own thread. */
    @Scheduled(cron = "${icc.diagnosis.ledger-full-verify-cron:0 47 2 * * *}")
    public void scheduledFull() {
        worker.execute(() -> verify(FULL));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Runs one verification now and stores its verdict; null if one is already running. */
    public LedgerVerificationRecord verify(String mode) {
        if (!running.tryLock()) {
            LOG.info("Ledger verification ({}) skipped: another one is still running", mode);
            return null;
        }
        try {
            return run(mode);
        } finally {
            running.unlock();
        }
    }

    private LedgerVerificationRecord run(String mode) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        long from = FULL.equals(mode) ? 0 : startOfIncremental();
        LedgerVerificationView part;
        long checked = 0;
        long partFrom = from;
        try {
            while (true) {
                part = verifier.handle(new VerifyLedgerQuery(partFrom, partFrom + LedgerVerifier.MAX_RANGE - 1));
                checked += part.checked();
                if (!part.intact() || part.toSeq() >= part.headSeq()) {
                    break;
                }
                partFrom = part.toSeq();
            }
        } catch (RuntimeException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            LedgerVerificationRecord failed = new LedgerVerificationRecord(VerificationStore.idOf(at, mode), at, mode, from, partFrom,
                    checked, false, partFrom, "核验无法完成 / the verification could not run: " + e.getMessage(), -1, millis);
            LOG.error("Ledger verification ({}) from seq {} could not run", mode, from, e);
            store.save(failed);
            return failed;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LedgerVerificationRecord verdict = new LedgerVerificationRecord(VerificationStore.idOf(at, mode), at, mode, from,
                Math.max(part.toSeq(), from - 1), checked, part.intact(), part.firstBrokenSeq(), part.reason(), part.headSeq(), millis);
        store.save(verdict);
        if (verdict.intact()) {
            LOG.info("Ledger verification ({}) seq {} to {}: intact ({} entries, {} ms)", mode, from, verdict.toSeq(), checked, millis);
        } else {
            LOG.error("LEDGER BROKEN: verification ({}) seq {} to {} found the first break at seq {}: {}", mode, from,
                    verdict.toSeq(), verdict.firstBrokenSeq(), verdict.reason());
            alarms.ledgerBroken(verdict.firstBrokenSeq() == null ? from : verdict.firstBrokenSeq(), mode, verdict.reason());
        }
        return verdict;
    }

    /** After an intact run: its last entry; after a broken one: where that run started. */
    private long startOfIncremental() {
        LedgerVerificationRecord last = store.latest();
        if (last == null) {
            return 0;
        }
        return Math.max(0, last.intact() ? last.toSeq() : last.fromSeq());
    }

    /** The newest verdicts, newest first. */
    @QueryHandler
    public LedgerVerificationList handle(FindLedgerVerificationsQuery query) {
        int limit = Math.max(1, Math.min(MAX_LIST, query.limit()));
        return new LedgerVerificationList(List.copyOf(store.newest(limit)));
    }

    /** The newest verdict, or null. */
    public LedgerVerificationRecord latest() {
        return store.latest();
    }
}

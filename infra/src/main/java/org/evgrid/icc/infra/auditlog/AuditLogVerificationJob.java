package org.evgrid.icc.infra.auditlog;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.evgrid.icc.coreapi.auditlog.AuditLogSealedEvent;
import org.evgrid.icc.infra.diagnosis.SystemAlarms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background check of the audit log (R-6.2a, R-6.2b), every hour ({@code icc.audit-log.verify-cron}, default at :37):
 * the whole hash chain from record 1 to the head, and the newest seal — the chain head the center signed into the event
 * store and the ledger ({@code audit-log-seal:<n>}) must equal record n's hash now. The chain alone finds an edited,
 * removed or relinked record; the seal also finds a chain rewritten with fresh hashes by someone with write access to
 * the database. Either raises the standard alarm {@code ALM-AUDIT_LOG-<record>} (once per finding, repeats counted).
 */
@Component
public class AuditLogVerificationJob {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogVerificationJob.class);

    /** What a check found. */
    public record Outcome(long checked, long head, long sealedSequence, boolean chainIntact, boolean sealMatches, Long brokenAt,
                          String problem) {

        /** Whether the log verifies. */
        public boolean intact() {
            return chainIntact && sealMatches;
        }
    }

    private final MongoAuditTrail trail;
    private final EventStore eventStore;
    private final SystemAlarms alarms;

    public AuditLogVerificationJob(MongoAuditTrail trail, EventStore eventStore, SystemAlarms alarms) {
        this.trail = trail;
        this.eventStore = eventStore;
        this.alarms = alarms;
    }

    @Scheduled(cron = "${icc.audit-log.verify-cron:0 37 * * * *}")
    public void scheduled() {
        try {
            verify();
        } catch (RuntimeException e) {
            LOG.warn("The audit log check could not run; it runs again in an hour", e);
        }
    }

    /** Checks the chain and the newest seal now; raises an alarm for what is wrong. */
    public Outcome verify() {
        MongoAuditTrail.ChainCheck chain = trail.verifyChain();
        boolean chainIntact = chain.verdict().verified();
        Long brokenAt = chain.verdict().brokenAt();
        String problem = chain.verdict().problem();
        boolean sealMatches = true;
        long sealed = chain.sealedSequence();
        if (sealed > 0) {
            String sealedHead = sealedHead(sealed);
            String now = trail.hashOf(sealed);
            if (sealedHead != null && !sealedHead.equals(now)) {
                sealMatches = false;
                if (chainIntact) {
                    brokenAt = sealed;
                    problem = "record " + sealed + " no longer has the chain hash sealed into the ledger (the chain was rewritten)";
                }
            }
        }
        Outcome outcome = new Outcome(chain.checked(), chain.head(), sealed, chainIntact, sealMatches, brokenAt, problem);
        if (outcome.intact()) {
            LOG.info("Audit log verified: {} records, chain intact, seal at record {} matches", chain.checked(), sealed);
        } else {
            LOG.error("AUDIT LOG BROKEN at record {}: {}", brokenAt, problem);
            alarms.auditLogBroken(brokenAt, problem);
        }
        return outcome;
    }

    private String sealedHead(long sequence) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents("audit-log-seal:" + sequence).asStream().toList();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getPayload() instanceof AuditLogSealedEvent sealedEvent) {
                return sealedEvent.chainHead();
            }
        }
        return null;
    }
}

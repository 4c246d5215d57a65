package org.evgrid.icc.coreapi.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The center's self-diagnosis: overall verdict (OK, DEGRADED, FAILED) with its reasons in Chinese and English, the
 * stores, every event processor, the latest ledger verification, the deadline and outbox backlogs and the debug switch.
 */
public record DiagnosisView(
        Instant at,
        DiagnosisVerdict verdict,
        List<String> reasonsZh,
        List<String> reasonsEn,
        List<StoreStatus> stores,
        List<ProcessorStatus> processors,
        LedgerVerificationRecord ledgerVerification,
        Long ledgerVerificationAgeSeconds,
        Map<String, Long> deadlineJobs,
        Map<String, Long> outbox,
        DebugSwitchView debug) {
}

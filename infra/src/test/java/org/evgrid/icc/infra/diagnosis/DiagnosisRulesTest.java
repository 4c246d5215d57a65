package org.evgrid.icc.infra.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.diagnosis.DiagnosisVerdict;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.diagnosis.ProcessorStatus;
import org.evgrid.icc.coreapi.diagnosis.StoreStatus;
import org.evgrid.icc.infra.diagnosis.internal.DiagnosisRules;
import org.evgrid.icc.infra.diagnosis.internal.DiagnosisRules.Judgement;
import org.junit.jupiter.api.Test;

class DiagnosisRulesTest {

    private static final DiagnosisRules RULES = new DiagnosisRules(100, Duration.ofHours(3), 50);
    private static final List<StoreStatus> STORES_UP = List.of(new StoreStatus("event-store", true, 10L, 9L, "JDBC"),
            new StoreStatus("mongodb", true, null, null, "icc"));
    private static final List<ProcessorStatus> PROCESSORS_OK = List.of(new ProcessorStatus("ledger", "tracking", true, false, 0L),
            new ProcessorStatus("key-registry", "subscribing", true, false, null));
    private static final LedgerVerificationRecord INTACT = verification(true);
    private static final Map<String, Long> NO_JOBS_FAILED = Map.of("SCHEDULED", 3L, "FAILED", 0L);
    private static final Map<String, Long> OUTBOX_QUIET = Map.of("PENDING", 2L, "FAILED", 0L);

    private static LedgerVerificationRecord verification(boolean intact) {
        return new LedgerVerificationRecord("20260301T001700.000Z-INCREMENTAL", Instant.parse("2026-03-01T00:17:00Z"), "INCREMENTAL",
                0, 99, 100, intact, intact ? null : 42L, intact ? "链完整 / chain intact" : "第 42 条哈希不符 / hash mismatch at seq 42",
                99, 12);
    }

    @Test
    void everythingUpAndRecentlyVerifiedIsOkWithoutReasons() {
        Judgement j = RULES.judge(STORES_UP, PROCESSORS_OK, INTACT, Duration.ofMinutes(30), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.OK);
        assertThat(j.reasonsZh()).isEmpty();
        assertThat(j.reasonsEn()).isEmpty();
    }

    @Test
    void aStoreThatDoesNotAnswerFailsTheCenter() {
        List<StoreStatus> mongoDown = List.of(STORES_UP.get(0), new StoreStatus("mongodb", false, null, null, "no answer"));
        Judgement j = RULES.judge(mongoDown, PROCESSORS_OK, null, Duration.ofMinutes(1), Map.of(), Map.of());
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.FAILED);
        assertThat(j.reasonsEn()).containsExactly("store mongodb does not answer");
        assertThat(j.reasonsZh()).containsExactly("存储 mongodb 无法访问");
    }

    @Test
    void aSignInDirectoryThatDoesNotAnswerDegradesTheCenterWithoutFailingIt() {
        List<StoreStatus> directoryDown = List.of(STORES_UP.get(0), STORES_UP.get(1),
                new StoreStatus(DiagnosisRules.DIRECTORY, false, null, null, "no answer"));
        Judgement j = RULES.judge(directoryDown, PROCESSORS_OK, INTACT, Duration.ofMinutes(30), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.DEGRADED);
        assertThat(j.reasonsEn()).containsExactly("the sign-in directory (LDAP) does not answer");
        assertThat(j.reasonsZh()).containsExactly("登录目录（LDAP）无法访问");
    }

    @Test
    void aBrokenLedgerFailsTheCenterAndNamesTheFirstBreak() {
        Judgement j = RULES.judge(STORES_UP, PROCESSORS_OK, verification(false), Duration.ofMinutes(5), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.FAILED);
        assertThat(j.reasonsEn().get(0)).contains("seq 42").contains("hash mismatch");
        assertThat(j.reasonsZh().get(0)).contains("第 42 条");
    }

    @Test
    void aProcessorInErrorFailsButAStoppedOrLaggingOneOnlyDegrades() {
        Judgement error = RULES.judge(STORES_UP, List.of(new ProcessorStatus("ledger", "tracking", true, true, 0L)), INTACT,
                Duration.ZERO, NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(error.verdict()).isEqualTo(DiagnosisVerdict.FAILED);
        assertThat(error.reasonsEn()).containsExactly("event processor ledger is in error");

        Judgement stopped = RULES.judge(STORES_UP, List.of(new ProcessorStatus("archive-projection", "tracking", false, false, 0L),
                new ProcessorStatus("ledger", "tracking", true, false, 101L)), INTACT, Duration.ZERO, NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(stopped.verdict()).isEqualTo(DiagnosisVerdict.DEGRADED);
        assertThat(stopped.reasonsEn()).containsExactly("event processor archive-projection is not running",
                "event processor ledger is 101 events behind");

        Judgement atThreshold = RULES.judge(STORES_UP, List.of(new ProcessorStatus("ledger", "tracking", true, false, 100L)), INTACT,
                Duration.ZERO, NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(atThreshold.verdict()).isEqualTo(DiagnosisVerdict.OK);
    }

    @Test
    void aLedgerNotVerifiedForTooLongDegradesCountedFromTheStartWhileNoneRan() {
        Judgement stale = RULES.judge(STORES_UP, PROCESSORS_OK, INTACT, Duration.ofHours(3).plusSeconds(1), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(stale.verdict()).isEqualTo(DiagnosisVerdict.DEGRADED);
        assertThat(stale.reasonsEn()).containsExactly("the ledger has not been verified for more than 180 minutes");

        Judgement justStarted = RULES.judge(STORES_UP, PROCESSORS_OK, null, Duration.ofMinutes(10), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(justStarted.verdict()).isEqualTo(DiagnosisVerdict.OK);
        Judgement longUnverified = RULES.judge(STORES_UP, PROCESSORS_OK, null, Duration.ofHours(4), NO_JOBS_FAILED, OUTBOX_QUIET);
        assertThat(longUnverified.verdict()).isEqualTo(DiagnosisVerdict.DEGRADED);
    }

    @Test
    void failedDeadlineJobsAndOutboxItemsAndALongOutboxQueueDegrade() {
        Judgement j = RULES.judge(STORES_UP, PROCESSORS_OK, INTACT, Duration.ZERO, Map.of("FAILED", 2L),
                Map.of("PENDING", 40L, "RECORDING", 11L, "FAILED", 1L));
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.DEGRADED);
        assertThat(j.reasonsEn()).containsExactly("2 deadline job(s) failed", "1 outbox item(s) could not be delivered",
                "51 outbox items are waiting to be delivered");
        assertThat(j.reasonsZh()).hasSize(3);
    }

    @Test
    void aFailureListsTheDegradationsAfterItsOwnReasons() {
        List<StoreStatus> eventsDown = List.of(new StoreStatus("event-store", false, null, null, "down"), STORES_UP.get(1));
        Judgement j = RULES.judge(eventsDown, PROCESSORS_OK, INTACT, Duration.ZERO, Map.of("FAILED", 1L), OUTBOX_QUIET);
        assertThat(j.verdict()).isEqualTo(DiagnosisVerdict.FAILED);
        assertThat(j.reasonsEn()).containsExactly("store event-store does not answer", "1 deadline job(s) failed");
    }
}

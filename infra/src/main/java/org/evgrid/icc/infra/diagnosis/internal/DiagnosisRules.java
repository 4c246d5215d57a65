package org.evgrid.icc.infra.diagnosis.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.diagnosis.DiagnosisVerdict;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.diagnosis.ProcessorStatus;
import org.evgrid.icc.coreapi.diagnosis.StoreStatus;

/**
 * The overall verdict of a self-diagnosis. FAILED: a store does not answer, a processor is in error, or the latest
 * ledger verification found the chain broken. DEGRADED: a processor is stopped or more than {@code lagThreshold} events
 * behind, the ledger has not been verified for longer than {@code maxVerificationAge} (counted from the start of the
 * center while none has run), deadline jobs failed, outbox items failed or more than {@code outboxThreshold} wait, or
 * the sign-in directory ({@value #DIRECTORY}, LDAP: console users then sign in locally or not at all) did not answer.
 * OK otherwise. Every reason in Chinese and English.
 */
public final class DiagnosisRules {

    /** The name of the sign-in directory among the stores (listed only when one is configured). */
    public static final String DIRECTORY = "directory";

    private final long lagThreshold;
    private final Duration maxVerificationAge;
    private final long outboxThreshold;

    public DiagnosisRules(long lagThreshold, Duration maxVerificationAge, long outboxThreshold) {
        this.lagThreshold = lagThreshold;
        this.maxVerificationAge = maxVerificationAge;
        this.outboxThreshold = outboxThreshold;
    }

    /** The verdict and its reasons (empty when OK). */
    public record Judgement(DiagnosisVerdict verdict, List<String> reasonsZh, List<String> reasonsEn) {
    }

    /**
     * Judges the observations; {@code sinceVerification} is the age of {@code latest}, or the time since the start of the
     * center when no verification has run.
     */
    public Judgement judge(List<StoreStatus> stores, List<ProcessorStatus> processors, LedgerVerificationRecord latest,
                           Duration sinceVerification, Map<String, Long> deadlineJobs, Map<String, Long> outbox) {
        Reasons failed = new Reasons();
        Reasons degraded = new Reasons();
        for (StoreStatus store : stores) {
            if (!store.reachable() && DIRECTORY.equals(store.name())) {
                degraded.add("登录目录（LDAP）无法访问", "the sign-in directory (LDAP) does not answer");
            } else if (!store.reachable()) {
                failed.add("存储 " + store.name() + " 无法访问", "store " + store.name() + " does not answer");
            }
        }
        for (ProcessorStatus p : processors) {
            if (p.error()) {
                failed.add("事件处理器 " + p.name() + " 出错", "event processor " + p.name() + " is in error");
            } else if (!p.running()) {
                degraded.add("事件处理器 " + p.name() + " 未运行", "event processor " + p.name() + " is not running");
            }
            if (p.lagEvents() != null && p.lagEvents() > lagThreshold) {
                degraded.add("事件处理器 " + p.name() + " 落后 " + p.lagEvents() + " 条事件",
                        "event processor " + p.name() + " is " + p.lagEvents() + " events behind");
            }
        }
        if (latest != null && !latest.intact()) {
            failed.add("账本核验发现第 " + latest.firstBrokenSeq() + " 条不完整：" + latest.reason(),
                    "ledger verification found the chain broken at seq " + latest.firstBrokenSeq() + ": " + latest.reason());
        } else if (sinceVerification != null && sinceVerification.compareTo(maxVerificationAge) > 0) {
            degraded.add("账本已超过 " + maxVerificationAge.toMinutes() + " 分钟未核验",
                    "the ledger has not been verified for more than " + maxVerificationAge.toMinutes() + " minutes");
        }
        long failedJobs = deadlineJobs.getOrDefault("FAILED", 0L);
        if (failedJobs > 0) {
            degraded.add(failedJobs + " 个定时任务执行失败", failedJobs + " deadline job(s) failed");
        }
        long failedItems = outbox.getOrDefault("FAILED", 0L);
        if (failedItems > 0) {
            degraded.add(failedItems + " 条对外报文投递失败", failedItems + " outbox item(s) could not be delivered");
        }
        long waiting = outbox.getOrDefault("PENDING", 0L) + outbox.getOrDefault("RECORDING", 0L);
        if (waiting > outboxThreshold) {
            degraded.add(waiting + " 条对外报文等待投递", waiting + " outbox items are waiting to be delivered");
        }
        if (!failed.zh.isEmpty()) {
            failed.addAll(degraded);
            return new Judgement(DiagnosisVerdict.FAILED, failed.zh, failed.en);
        }
        if (!degraded.zh.isEmpty()) {
            return new Judgement(DiagnosisVerdict.DEGRADED, degraded.zh, degraded.en);
        }
        return new Judgement(DiagnosisVerdict.OK, List.of(), List.of());
    }

    /** Reasons in two languages. */
    private static final class Reasons {
        private final List<String> zh = new ArrayList<>();
        private final List<String> en = new ArrayList<>();

        void add(String chinese, String english) {
            zh.add(chinese);
            en.add(english);
        }

        void addAll(Reasons other) {
            zh.addAll(other.zh);
            en.addAll(other.en);
        }
    }
}

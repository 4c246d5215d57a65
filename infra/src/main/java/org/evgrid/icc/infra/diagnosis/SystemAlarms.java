package org.evgrid.icc.infra.diagnosis;

import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.RaiseSystemAlarmCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Raises the center's integrity alarms (R-6.2b) as standard alarms: the center signs {@link RaiseSystemAlarmCommand}, so
 * the alarm is in the event store, the ledger and the alarm list ({@code GET /api/v1/alarms}, module {@code ledger},
 * {@code projection} or {@code audit-log}). Alarm ids are deterministic per finding ({@code ALM-LEDGER-<first broken
 * position>}, {@code ALM-PROJECTION-<projection>}, {@code ALM-AUDIT_LOG-<first broken record>}): the same finding raised
 * again is one more occurrence of the same alarm. A raise that fails is logged at ERROR and never stops the caller.
 */
@Component
public class SystemAlarms {

    /** Type of a broken ledger chain. */
    public static final String LEDGER = "LEDGER";
    /** Type of a projection that differs from its rebuild from the events. */
    public static final String PROJECTION = "PROJECTION";
    /** Type of a broken audit log chain. */
    public static final String AUDIT_LOG = "AUDIT_LOG";

    private static final Logger LOG = LoggerFactory.getLogger(SystemAlarms.class);
    private static final int MAX_DETAILS = 2000;

    private final CenterCommands center;

    public SystemAlarms(@Lazy CenterCommands center) {
        this.center = center;
    }

    /** The ledger's hash chain is broken at {@code firstBrokenSeq}. */
    public boolean ledgerBroken(long firstBrokenSeq, String mode, String reason) {
        return raise(LEDGER, String.valueOf(firstBrokenSeq), AlarmLevel.CRITICAL, "ledger",
                "账本哈希链断裂，位置 " + firstBrokenSeq, "Ledger hash chain broken at position " + firstBrokenSeq,
                "账本核验（" + mode + "）发现第一个断点在位置 " + firstBrokenSeq + "：" + reason + "；请按运维手册核对账本与事件存储并恢复 / "
                        + "The ledger verification (" + mode + ") found the first break at position " + firstBrokenSeq + ": " + reason
                        + "; compare the ledger with the event store and restore it as the operations manual says");
    }

    /** A projection differs from its rebuild from the events. */
    public boolean projectionDiffers(String projection, String summary) {
        return raise(PROJECTION, projection, AlarmLevel.MAJOR, "projection",
                "投影与事件重建结果不一致：" + projection, "Projection differs from its rebuild from the events: " + projection,
                "自检发现差异 / The self-diagnosis found differences: " + summary
                        + "；请重建该投影并查明谁改动了读模型 / rebuild the projection and find out who changed the read model");
    }

    /** The audit log's hash chain is broken at record {@code brokenAt}. */
    public boolean auditLogBroken(long brokenAt, String problem) {
        return raise(AUDIT_LOG, String.valueOf(brokenAt), AlarmLevel.CRITICAL, "audit-log",
                "审计日志哈希链断裂，记录 " + brokenAt, "Audit log hash chain broken at record " + brokenAt,
                "审计日志核验失败：" + problem + "；请与封存在账本中的链头核对 / The audit log does not verify: " + problem
                        + "; compare it with the chain heads sealed in the ledger");
    }

    private boolean raise(String type, String subject, AlarmLevel level, String module, String titleZh, String titleEn, String details) {
        AlarmId id = AlarmId.of(type, subject);
        try {
            center.send(new RaiseSystemAlarmCommand(id, type, level, module, titleZh, titleEn,
                    details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS - 1) + "…" : details, subject));
            LOG.warn("Alarm {} raised: {}", id, titleEn);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Could not raise alarm {} ({})", id, titleEn, e);
            return false;
        }
    }
}

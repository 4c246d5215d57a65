package org.evgrid.icc.infra.backup;

import org.evgrid.icc.coreapi.common.IccException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled backups when {@code icc.backup.enabled=true}: incremental at {@code icc.backup.cron-incremental} (default daily
 * 02:00), full at {@code icc.backup.cron-full} (default Sunday 03:00), both in {@code icc.backup.zone} (default UTC).
 */
@Component
@ConditionalOnProperty(name = "icc.backup.enabled", havingValue = "true")
public class BackupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final BackupService backups;

    public BackupSchedule(BackupService backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${icc.backup.cron-incremental:0 0 2 * * *}", zone = "${icc.backup.zone:UTC}")
    void incremental() {
        boolean anyFull = backups.list().stream().anyMatch(BackupService.Listed::intact);
        run(anyFull ? BackupKind.INCREMENTAL : BackupKind.FULL);
    }

    @Scheduled(cron = "${icc.backup.cron-full:0 0 3 * * SUN}", zone = "${icc.backup.zone:UTC}")
    void full() {
        run(BackupKind.FULL);
    }

    private void run(BackupKind kind) {
        try {
            backups.backup(kind);
        } catch (IccException | java.io.UncheckedIOException e) {
            LOG.error("Scheduled {} backup failed: {}", kind, e.getMessage(), e);
        }
    }
}

package org.evgrid.icc.infra.backup;

import java.util.List;

import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Backups over REST (security operator only, see SecurityConfig): take one, list them with their digest check. */
@RestController
@RequestMapping("/api/v1/backups")
public class BackupEndpoints {

    private final BackupService backups;

    public BackupEndpoints(BackupService backups) {
        this.backups = backups;
    }

    /** Takes a backup now ({@code FULL} or {@code INCREMENTAL}) and answers its manifest. */
    @PostMapping
    public BackupManifest take(@RequestParam(name = "kind", defaultValue = "INCREMENTAL") String kind) {
        BackupKind k;
        try {
            k = BackupKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw IccException.invalid("ICC-BACKUP-KIND", "kind", "备份类型只能是 FULL 或 INCREMENTAL",
                    "The kind of backup must be FULL or INCREMENTAL",
                    "Use kind=FULL for a complete backup or kind=INCREMENTAL for what changed since the last one");
        }
        return backups.backup(k);
    }

    /** Every backup, oldest first, with whether its files still match its manifest. */
    @GetMapping
    public List<BackupService.Listed> list() {
        return backups.list();
    }
}

package org.evgrid.icc.infra.backup;

/** What a backup holds: everything ({@code FULL}) or what came after the previous backup ({@code INCREMENTAL}). */
public enum BackupKind {
    FULL,
    INCREMENTAL
}

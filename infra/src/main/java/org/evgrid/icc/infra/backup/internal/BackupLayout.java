package org.evgrid.icc.infra.backup.internal;

import java.util.List;

/** File and collection names of a backup. */
public final class BackupLayout {

    /** Events of the event store (rows of {@code DomainEventEntry}). */
    public static final String EVENTS_FILE = "events.jsonl.gz";
    /** Aggregate snapshots (rows of {@code SnapshotEventEntry}), a whole copy in every backup. */
    public static final String SNAPSHOTS_FILE = "snapshots.jsonl.gz";
    /** Prefix of a file holding documents of one MongoDB collection: {@code mongo.<collection>.jsonl.gz}. */
    public static final String MONGO_PREFIX = "mongo.";
    /** Suffix of every data file. */
    public static final String SUFFIX = ".jsonl.gz";

    /** The hash-chained ledger (audit-ledger {@code LedgerStore}): only new entries in an incremental backup. */
    public static final String LEDGER_ENTRIES = "ledger_entries";
    public static final String LEDGER_EVENT_INDEX = "ledger_event_index";
    public static final String LEDGER_CHECKPOINTS = "ledger_checkpoints";
    public static final String LEDGER_MERKLE_NODES = "ledger_merkle_nodes";
    public static final String LEDGER_HEAD = "ledger_head";
    /** The exact signed envelopes of every command (evidence; audit-ledger), new ones in an incremental backup. */
    public static final String COMMAND_ENVELOPES = "command_envelopes";
    /** The telemetry readings the command side stores before the batch event (claim check, docs/telemetry-store.md). */
    public static final String TELEMETRY_READINGS = "tel_readings";

    /** Written once with a {@code receivedAt} date and never changed: an incremental backup takes those received since. */
    public static final List<String> BY_RECEIPT = List.of(COMMAND_ENVELOPES, TELEMETRY_READINGS);

    /**
     * Collections kept by subscribing processors (key registry and users, the command side's look-ups) and the dispatch
     * schedules the command side stores before the plan event (claim check, docs/dispatch-schedules.md; no receipt date):
     * they are not rebuilt by replaying events at start, so every backup holds a whole copy and a restore takes the newest.
     * Also the records that are not events at all: the audit log of business operations with its chain head (refused
     * commands leave no event) and the console sign-in state and login log.
     */
    public static final List<String> WHOLE_COPY = List.of("signer_keys", "users", "cmd_pile_registry", "cmd_station_piles",
            "cmd_market_products", "dispatch_schedules", "audit_log", "audit_log_head", "sec_login_state", "sec_login_log");

    /**
     * What is in flight and is not rebuilt by replay: open sagas, the gateway's undelivered items and the pending
     * deadlines (JobRunr jobs: a gate closure scheduled by a command handler is never scheduled again). Whole copies, read
     * first in a backup, with {@link #TOKENS} of {@link #SIDE_EFFECT_PROCESSORS}, so that the restored center goes on
     * where they were instead of replaying every event through processors that send commands and messages.
     */
    public static final List<String> IN_FLIGHT = List.of("axon_sagas", "gateway_outbox", "jobrunr_jobs");
    /** Axon's tracking tokens; a backup holds only those of {@link #SIDE_EFFECT_PROCESSORS} (projections replay). */
    public static final String TOKENS = "axon_tokens";
    /** Processors whose handlers act on the world (send commands, fill the outbox): they must not replay after a restore. */
    public static final List<String> SIDE_EFFECT_PROCESSORS = List.of("lifecycle-saga", "gateway-outbox");

    /** Collections added to by position: every backup of a chain contributes its part. */
    public static final List<String> BY_POSITION = List.of(LEDGER_ENTRIES, LEDGER_EVENT_INDEX, LEDGER_CHECKPOINTS, LEDGER_MERKLE_NODES,
            COMMAND_ENVELOPES, TELEMETRY_READINGS);

    private BackupLayout() {
    }

    /** The file of a collection. */
    public static String mongoFile(String collection) {
        return MONGO_PREFIX + collection + SUFFIX;
    }

    /** The collection of a file, or null when it is not a collection's file. */
    public static String collectionOf(String file) {
        if (file.startsWith(MONGO_PREFIX) && file.endsWith(SUFFIX)) {
            return file.substring(MONGO_PREFIX.length(), file.length() - SUFFIX.length());
        }
        return null;
    }
}

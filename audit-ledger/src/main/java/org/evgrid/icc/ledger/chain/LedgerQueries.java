package org.evgrid.icc.ledger.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.FindLedgerCheckpointsQuery;
import org.evgrid.icc.coreapi.ledger.FindLedgerEntriesQuery;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointList;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.coreapi.ledger.LedgerEntryPage;
import org.evgrid.icc.coreapi.ledger.LedgerEntryView;
import org.evgrid.icc.ledger.chain.internal.ChainEntry;
import org.evgrid.icc.ledger.chain.internal.ChainHead;
import org.evgrid.icc.ledger.chain.internal.Checkpoint;
import org.evgrid.icc.ledger.chain.internal.LedgerStore;
import org.springframework.stereotype.Component;

/** Reads ledger entries and checkpoints. */
@Component
public class LedgerQueries {

    /** The largest page of entries or checkpoints. */
    public static final int MAX_LIMIT = 1000;

    private final LedgerStore store;

    public LedgerQueries(MongoDatabase database) {
        this.store = new LedgerStore(database);
    }

    /** Entries from {@code fromSeq} on, up to the head. */
    @QueryHandler
    public LedgerEntryPage handle(FindLedgerEntriesQuery query) {
        if (query.fromSeq() < 0) {
            throw IccException.invalid("ICC-LEDGER-FROM", "fromSeq", "起始序号不能为负数",
                    "The first sequence number cannot be negative", "Send a fromSeq of 0 or more");
        }
        requireLimit(query.limit());
        ChainHead head = store.loadHead();
        long to = Math.min(head.seq(), query.fromSeq() + query.limit() - 1);
        Map<Long, ChainEntry> found = store.findEntries(query.fromSeq(), to);
        List<LedgerEntryView> items = new ArrayList<>();
        for (long seq = query.fromSeq(); seq <= to; seq++) {
            ChainEntry entry = found.get(seq);
            if (entry != null) {
                items.add(entry.toView());
            }
        }
        return new LedgerEntryPage(items, head.seq());
    }

    /** The newest checkpoints, newest first. */
    @QueryHandler
    public LedgerCheckpointList handle(FindLedgerCheckpointsQuery query) {
        requireLimit(query.limit());
        List<LedgerCheckpointView> items = store.newestCheckpoints(query.limit()).stream().map(Checkpoint::toView).toList();
        return new LedgerCheckpointList(items);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IccException.invalid("ICC-LEDGER-LIMIT", "limit", "每页条数应在 1 到 " + MAX_LIMIT + " 之间",
                    "The page size must be between 1 and " + MAX_LIMIT, "Send a limit from 1 to " + MAX_LIMIT);
        }
    }
}

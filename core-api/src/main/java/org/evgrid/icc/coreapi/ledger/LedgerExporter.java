package org.evgrid.icc.coreapi.ledger;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes auditor exports (JSON Lines) of the ledger; implemented by the audit ledger. {@link #prepare} checks the
 * request and fixes the tree head (refusals are {@code IccException}s); the export is then streamed.
 */
public interface LedgerExporter {

    /** Checks the request and fixes the signed tree head the export proves against. */
    Prepared prepare(LedgerExportRequest request);

    /** A checked export, ready to stream. */
    interface Prepared {

        /** The tree head every inclusion proof of the export is against. */
        TreeHeadView treeHead();

        /** Streams the export: a header line, one line per entry, a trailer line. */
        void writeTo(OutputStream out) throws IOException;
    }
}

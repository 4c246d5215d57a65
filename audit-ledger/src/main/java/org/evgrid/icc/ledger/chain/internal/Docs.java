package org.evgrid.icc.ledger.chain.internal;

import org.bson.Document;

/** Small helpers for reading ledger documents. */
final class Docs {

    private Docs() {
    }

    static long longValue(Document doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("ledger document " + doc.get("_id") + " has no numeric field " + field);
        }
        return number.longValue();
    }
}

/**
 * The audit ledger's hash chain (DESIGN §5): {@link org.evgrid.icc.ledger.chain.LedgerProjection} chains every stored
 * event into {@code ledger_entries} and seals signed checkpoints; {@link org.evgrid.icc.ledger.chain.LedgerVerifier}
 * checks a range against the entries, the event store and the checkpoints;
 * {@link org.evgrid.icc.ledger.chain.LedgerQueries} reads entries and checkpoints. The hash rules are in
 * {@link org.evgrid.icc.ledger.chain.LedgerHashes}. Infra supplies a {@link org.evgrid.icc.ledger.chain.PayloadCanonicalizer},
 * a {@link org.evgrid.icc.ledger.chain.LedgerSigner} and a {@link org.evgrid.icc.ledger.chain.LedgerEventSource}.
 */
package org.evgrid.icc.ledger.chain;

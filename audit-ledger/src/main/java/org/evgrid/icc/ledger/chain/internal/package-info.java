/** Storage, chaining and sealing behind the ledger's public entry points. */
package org.evgrid.icc.ledger.chain.internal;

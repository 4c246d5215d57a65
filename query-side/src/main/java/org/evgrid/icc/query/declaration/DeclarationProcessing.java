package org.evgrid.icc.query.declaration;

/**
 * The processing group of the declaration read models: a tracking processor with ONE thread and one segment (a totals
 * document takes the contributions of many declarations; its writes are whole-document replacements computed in Java).
 */
public final class DeclarationProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "declaration-projection";

    private DeclarationProcessing() {
    }
}

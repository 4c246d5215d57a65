package org.evgrid.icc.query.archive;

/** The processing group of the archive read models (a tracking processor; infra sets batch size 200). */
public final class ArchiveProcessing {

    /** Name of the processing group all archive projections belong to. */
    public static final String GROUP = "archive-projection";

    private ArchiveProcessing() {
    }
}

package org.evgrid.icc.coreapi.archive;

/** The operator's contact person. */
public record Contact(
        String name,
        String phone,
        String email) {
}

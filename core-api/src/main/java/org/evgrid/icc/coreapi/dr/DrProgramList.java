package org.evgrid.icc.coreapi.dr;

import java.util.List;

/** Demand response programs. */
public record DrProgramList(
        List<DrProgramView> items) {
}

package org.evgrid.icc.coreapi.archive;

import java.util.List;

/** All operators the viewer may see. */
public record OperatorList(
        List<OperatorView> items) {
}

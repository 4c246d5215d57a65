package org.evgrid.icc.coreapi.common;

import java.util.List;

/** The data of an {@link IccException}, as it travels with a remote command failure. */
public record ErrorDetails(String code, ErrorCategory category, String field, String messageZh, String messageEn, String fix,
                           List<ItemError> items) {
}

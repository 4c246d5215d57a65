package org.evgrid.icc.ui.problem;

import java.net.URI;
import java.util.List;

import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 7807 problem details from refusals. The body carries a stable {@code code}, the {@code field} at fault,
 * {@code messageZh} and {@code messageEn} in business language, {@code fix} (how to correct it) and, for batches, the
 * refused {@code items}. Nothing else of an exception (class names, stack traces, query text) reaches a client.
 */
public final class Problems {

    /** Prefix of the problem {@code type} URIs; each code has its own type. */
    public static final String TYPE_PREFIX = "urn:icc:problem:";

    private Problems() {
    }

    /** The HTTP status of a refusal category. */
    public static HttpStatus statusOf(ErrorCategory category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** The problem detail of a refusal. */
    public static ProblemDetail of(IccException e) {
        return of(statusOf(e.category()), e.code(), e.field(), e.messageZh(), e.messageEn(), e.fix(), e.items());
    }

    /** A problem detail from its parts. */
    public static ProblemDetail of(HttpStatus status, String code, String field, String messageZh, String messageEn, String fix,
                                   List<ItemError> items) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, messageZh + " / " + messageEn);
        pd.setType(URI.create(TYPE_PREFIX + code));
        pd.setTitle(messageEn);
        pd.setProperty("code", code);
        if (field != null) {
            pd.setProperty("field", field);
        }
        pd.setProperty("messageZh", messageZh);
        pd.setProperty("messageEn", messageEn);
        pd.setProperty("fix", fix);
        if (items != null && !items.isEmpty()) {
            pd.setProperty("items", items);
        }
        return pd;
    }
}

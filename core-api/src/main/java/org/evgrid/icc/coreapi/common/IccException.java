package org.evgrid.icc.coreapi.common;

import java.util.List;

/**
 * A refusal in business language. Every refusal of the center carries a stable code, a category,
 * the field at fault (if any), a message in Chinese and in English, and how to correct it. The REST
 * layer turns it into an RFC 7807 problem detail; nothing else of the exception reaches a client.
 */
public class IccException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final ErrorCategory category;
    private final String field;
    private final String messageZh;
    private final String messageEn;
    private final String fix;
    private final List<ItemError> items;

    public IccException(String code, ErrorCategory category, String field, String messageZh, String messageEn, String fix) {
        this(code, category, field, messageZh, messageEn, fix, List.of());
    }

    public IccException(String code, ErrorCategory category, String field, String messageZh, String messageEn, String fix,
                        List<ItemError> items) {
        super(code + ": " + messageEn);
        this.code = code;
        this.category = category;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.fix = fix;
        this.items = List.copyOf(items);
    }

    public static IccException invalid(String code, String field, String messageZh, String messageEn, String fix) {
        return new IccException(code, ErrorCategory.INVALID, field, messageZh, messageEn, fix);
    }

    public static IccException notFound(String code, String field, String messageZh, String messageEn, String fix) {
        return new IccException(code, ErrorCategory.NOT_FOUND, field, messageZh, messageEn, fix);
    }

    public static IccException conflict(String code, String field, String messageZh, String messageEn, String fix) {
        return new IccException(code, ErrorCategory.CONFLICT, field, messageZh, messageEn, fix);
    }

    public static IccException forbidden(String code, String field, String messageZh, String messageEn, String fix) {
        return new IccException(code, ErrorCategory.FORBIDDEN, field, messageZh, messageEn, fix);
    }

    public static IccException unprocessable(String code, String field, String messageZh, String messageEn, String fix) {
        return new IccException(code, ErrorCategory.UNPROCESSABLE, field, messageZh, messageEn, fix);
    }

    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    public String fix() {
        return fix;
    }

    public List<ItemError> items() {
        return items;
    }

    /** The serialisable form, used as details of a remote command failure (Axon Server). */
    public ErrorDetails details() {
        return new ErrorDetails(code, category, field, messageZh, messageEn, fix, items);
    }

    /** Rebuilds the exception from its details, e.g. on the caller's side of a remote command bus. */
    public static IccException from(ErrorDetails d) {
        return new IccException(d.code(), d.category(), d.field(), d.messageZh(), d.messageEn(), d.fix(),
                d.items() == null ? List.of() : d.items());
    }
}

package org.evgrid.icc.command.common;

import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;

/**
 * A refusal before it is thrown: what a rule says about a command or about one item of a batch. A single command turns
 * it into an {@link IccException}; a batch collects it as an {@link ItemError} of the item at fault.
 *
 * @param category the kind of refusal
 * @param code the stable error code
 * @param field the field at fault
 * @param messageZh the reason in Chinese
 * @param messageEn the reason in English
 * @param fix how to correct it
 */
public record Refusal(ErrorCategory category, String code, String field, String messageZh, String messageEn, String fix) {

    /** A malformed input or a broken field rule. */
    public static Refusal invalid(String code, String field, String messageZh, String messageEn, String fix) {
        return new Refusal(ErrorCategory.INVALID, code, field, messageZh, messageEn, fix);
    }

    /** The addressed thing does not exist. */
    public static Refusal notFound(String code, String field, String messageZh, String messageEn, String fix) {
        return new Refusal(ErrorCategory.NOT_FOUND, code, field, messageZh, messageEn, fix);
    }

    /** The command conflicts with the current state. */
    public static Refusal conflict(String code, String field, String messageZh, String messageEn, String fix) {
        return new Refusal(ErrorCategory.CONFLICT, code, field, messageZh, messageEn, fix);
    }

    /** The signer may not act on this data. */
    public static Refusal forbidden(String code, String field, String messageZh, String messageEn, String fix) {
        return new Refusal(ErrorCategory.FORBIDDEN, code, field, messageZh, messageEn, fix);
    }

    /** Well-formed, but against a business rule. */
    public static Refusal unprocessable(String code, String field, String messageZh, String messageEn, String fix) {
        return new Refusal(ErrorCategory.UNPROCESSABLE, code, field, messageZh, messageEn, fix);
    }

    /** The refusal of a whole command. */
    public IccException exception() {
        return new IccException(code, category, field, messageZh, messageEn, fix);
    }

    /** The refusal of one item of a batch. */
    public ItemError item(int index, String itemId) {
        return new ItemError(index, itemId, field, code, messageZh, messageEn);
    }
}

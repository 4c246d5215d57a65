package org.evgrid.icc.coreapi.common;

/**
 * Why one item of a batch was refused.
 *
 * @param index position of the item in the batch, from 0
 * @param itemId the item's identifier as sent, if it had one
 * @param field the field at fault
 * @param code stable error code
 * @param messageZh the reason in Chinese
 * @param messageEn the reason in English
 */
public record ItemError(int index, String itemId, String field, String code, String messageZh, String messageEn) {
}

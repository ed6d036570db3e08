package io.simbundle.charging;

/**
 * What forgetting old charging history removed.
 *
 * @param decisions decision records (a subscriber's hour of grants, debits, refunds, denials)
 * @param usage usage records (a subscriber's day of bytes per rating group and payer)
 */
public record ForgottenHistory(long decisions, long usage) {}

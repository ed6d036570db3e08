package io.simbundle.rules.fact;

/**
 * Marks a decision as the gift decision, so that gift rules which need no other fact of their own
 * (the welcome gift needs only the buyer type) do not fire in the other decisions.
 */
public final class GiftQuestion {}

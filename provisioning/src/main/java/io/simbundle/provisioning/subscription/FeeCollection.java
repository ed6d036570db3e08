package io.simbundle.provisioning.subscription;

/**
 * A credit fee after its payer's answer.
 *
 * @param collection {@code paid}, {@code declined} or {@code reversed}
 * @param productStatus the subscription's status after it
 */
public record FeeCollection(
    long fee, String cycle, long amountFen, String collection, ProductStatus productStatus) {}

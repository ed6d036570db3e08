package io.simbundle.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which gifts does a new subscription get?
 *
 * @param productCode the card
 * @param chosen the privilege codes chosen (already validated)
 * @param newOperatorUser whether the buyer is new to the operator
 * @param newPartnerUser whether the buyer is new to the partner
 * @param campaignCode the presale campaign the card was ordered in, if any
 * @param orderSequence the order's position among the campaign's orders, 1 for the first
 * @param orderedAt when the order was placed
 */
public record GiftRequest(
    String productCode,
    List<String> chosen,
    boolean newOperatorUser,
    boolean newPartnerUser,
    Optional<String> campaignCode,
    long orderSequence,
    Instant orderedAt) {
  public GiftRequest {
    Objects.requireNonNull(productCode);
    chosen = List.copyOf(chosen);
    Objects.requireNonNull(campaignCode);
    Objects.requireNonNull(orderedAt);
  }
}

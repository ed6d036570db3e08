package io.simbundle.rules;

import java.util.List;
import java.util.Objects;

/**
 * Is this choice of privileges valid for this card and buyer?
 *
 * @param productCode the card
 * @param chosen the privilege codes chosen, in the order chosen
 * @param newOperatorUser whether the buyer is new to the operator
 * @param newPartnerUser whether the buyer is new to the partner
 */
public record PrivilegeSelectionRequest(
    String productCode, List<String> chosen, boolean newOperatorUser, boolean newPartnerUser) {
  public PrivilegeSelectionRequest {
    Objects.requireNonNull(productCode);
    chosen = List.copyOf(chosen);
  }
}

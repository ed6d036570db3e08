package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.product.Province;
import java.util.Objects;
import java.util.Optional;

/**
 * An order for one card.
 *
 * @param channel the sales channel, e.g. {@code yixun}, {@code tmall}, {@code web}
 * @param externalId the store's own order id; a second order with the same one returns the first
 * @param productCode the card
 * @param campaignCode the presale campaign, if any
 * @param province where the number and card are taken from
 * @param buyer who buys it
 * @param pickedMsisdn a number the buyer chose, if any
 * @param payment how it is paid
 */
public record OrderRequest(
    String channel,
    Optional<String> externalId,
    String productCode,
    Optional<String> campaignCode,
    Province province,
    Buyer buyer,
    Optional<String> pickedMsisdn,
    Payment payment) {

  public OrderRequest {
    Objects.requireNonNull(channel);
    Objects.requireNonNull(externalId);
    Objects.requireNonNull(productCode);
    Objects.requireNonNull(campaignCode);
    Objects.requireNonNull(province);
    Objects.requireNonNull(buyer);
    Objects.requireNonNull(pickedMsisdn);
    Objects.requireNonNull(payment);
  }

  /**
   * The buyer; personal data, never logged.
   *
   * @param newToOperator whether they are new to the operator
   * @param newToPartner whether they are new to the partner
   */
  public record Buyer(String name, String idNumber, boolean newToOperator, boolean newToPartner) {
    public Buyer {
      Objects.requireNonNull(name);
      Objects.requireNonNull(idNumber);
    }

    @Override
    public String toString() {
      return "Buyer[personal data hidden]";
    }
  }

  /**
   * How the order is paid.
   *
   * @param creditPayer for credit: who pays the monthly fee, e.g. {@code alipay}
   * @param creditAuthorization for credit: the payer's authorization reference
   */
  public record Payment(
      PaymentType type, Optional<String> creditPayer, Optional<String> creditAuthorization) {
    public Payment {
      Objects.requireNonNull(type);
      Objects.requireNonNull(creditPayer);
      Objects.requireNonNull(creditAuthorization);
    }

    public static Payment of(PaymentType type) {
      return new Payment(type, Optional.empty(), Optional.empty());
    }
  }
}

package io.simbundle.provisioning.sales.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an order is paid: a presale deposit (定金) that holds the card, the full first month, or credit
 * — the "0-yuan phone", where a partner (e.g. Alipay credit) pays the monthly fee and the order
 * needs the partner's authorization instead of a payment.
 */
public enum PaymentType {
  DEPOSIT("deposit"),
  FULL("full"),
  CREDIT("credit");

  private final String apiName;

  PaymentType(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<PaymentType> fromApiName(String name) {
    return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
  }
}

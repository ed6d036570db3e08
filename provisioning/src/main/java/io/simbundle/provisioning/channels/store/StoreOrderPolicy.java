package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.sales.order.OrderRequest;
import io.simbundle.provisioning.store.Store;
import java.util.Optional;

/**
 * What a store may order, whichever way its order comes — pushed over HTTP, taken from the order
 * topic or read from a file: its own channel, its own order id (which makes a repeat harmless), a
 * campaign it was onboarded for, and fields within the columns they are stored in. One policy, so
 * that the channels cannot drift apart.
 */
final class StoreOrderPolicy {

  /**
   * Why a store's order is refused before it is placed.
   *
   * @param forbidden the store may not sell what it ordered (403), rather than a malformed order
   * @param field the JSON pointer of the field at fault
   */
  record Refusal(boolean forbidden, String field, String reason) {}

  private StoreOrderPolicy() {}

  /** The first reason {@code store} may not place {@code request}, if any. */
  static Optional<Refusal> refusal(Store store, OrderRequest request) {
    if (!request.channel().equals(store.id())) {
      return invalid("/channel/id", "must be the store, " + store.id() + ", or left out");
    }
    if (request.externalId().isEmpty()) {
      return invalid("/externalId", "a store's order carries its own order id");
    }
    if (request.campaignCode().isEmpty()) {
      return invalid("/campaign/id", "a store's order names the campaign it sells in");
    }
    Optional<Refusal> tooLong =
        longest("/externalId", request.externalId().get(), 64)
            .or(() -> longest("/campaign/id", request.campaignCode().get(), 64))
            .or(() -> longest("/productOrderItem/0/productOffering/id", request.productCode(), 64))
            .or(() -> longest("/buyer/name", request.buyer().name(), 64))
            .or(() -> longest("/buyer/idNumber", request.buyer().idNumber(), 32))
            .or(
                () ->
                    request
                        .payment()
                        .creditPayer()
                        .flatMap(payer -> longest("/payment/payer", payer, 64)))
            .or(
                () ->
                    request
                        .payment()
                        .creditAuthorization()
                        .flatMap(id -> longest("/payment/authorizationId", id, 128)));
    if (tooLong.isPresent()) {
      return tooLong;
    }
    String campaign = request.campaignCode().get();
    if (!store.campaigns().contains(campaign)) {
      return Optional.of(
          new Refusal(
              true, "/campaign/id", "store " + store.id() + " may not sell campaign " + campaign));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> longest(String field, String value, int max) {
    return value.length() > max
        ? invalid(field, "is longer than " + max + " characters")
        : Optional.empty();
  }

  private static Optional<Refusal> invalid(String field, String reason) {
    return Optional.of(new Refusal(false, field, reason));
  }
}

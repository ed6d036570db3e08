package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.decision.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activating a paid card: load its order locked, check the holder and the choice of privileges,
 * store the subscription as {@code created} with its gifts, complete the order and tell the partner
 * — one transaction. Charging is brought up afterwards by {@link ChargingSync}.
 */
final class ActivatingCards {

  private final SubscriptionRoom room;
  private final OrderService orders;
  private final BuyerRecords records;
  private final PersonalData personalData;
  private final NumberProofs proofs;

  ActivatingCards(
      SubscriptionRoom room,
      OrderService orders,
      BuyerRecords records,
      PersonalData personalData,
      NumberProofs proofs) {
    this.room = room;
    this.orders = orders;
    this.records = records;
    this.personalData = personalData;
    this.proofs = proofs;
  }

  /**
   * Sends the activation code to the number the card carries, once the holder passed the real-name
   * check; nothing when codes are not required.
   */
  void requestCode(ActivationRequest request, String address) {
    Instant now = room.clock().instant();
    room.unit()
        .run(
            em -> {
              ProductOrder order = room.orders().lockForActivation(request.orderCodeOrIccid());
              requireActivatable(order);
              checkHolder(order, request, now);
              proofs.send(
                  order.msisdn(),
                  address,
                  OneTimeCodes.Purpose.ACTIVATION,
                  Optional.of(order.id()),
                  Destination.phone(0),
                  now);
            });
  }

  /** An activation done, or refused for its code (after the refusal was committed). */
  private record Activation(long productId, Optional<String> codeRefused) {}

  CardToActivate card(String orderCodeOrIccid) {
    return room.unit()
        .call(
            em -> {
              ProductOrder order = room.orders().lockForActivation(orderCodeOrIccid);
              requireActivatable(order);
              return new CardToActivate(
                  room.grants().offering(order.productCode()),
                  order.newToOperator(),
                  order.newToPartner());
            });
  }

  /**
   * Activates the card and returns the new subscription's id.
   *
   * @throws ProvisioningException 401 when codes are required and the code is missing or wrong
   */
  long activate(ActivationRequest request, Actor actor) {
    Instant now = room.clock().instant();
    Activation done =
        room.unit()
            .call(
                em -> {
                  ProductOrder order = room.orders().lockForActivation(request.orderCodeOrIccid());
                  requireActivatable(order);
                  checkHolder(order, request, now);
                  return activate(order, request, actor, now);
                });
    done.codeRefused()
        .ifPresent(
            why -> {
              throw ProvisioningException.unauthorized("code-refused", why);
            });
    return done.productId();
  }

  private Activation activate(
      ProductOrder order, ActivationRequest request, Actor actor, Instant now) {
    ProductOffering offering = room.grants().offering(order.productCode());
    RuleVerdicts.requireApproved(
        room.rules()
            .checkPrivileges(
                room.catalog().current(),
                new PrivilegeSelectionRequest(
                    order.productCode(),
                    request.chosenPrivileges(),
                    order.newToOperator(),
                    order.newToPartner())),
        "privileges-refused",
        "the choice of privileges is not valid");
    // Checked last: a refused choice of privileges does not spend the code.
    Optional<String> refused =
        proofs.refusal(
            order.msisdn(),
            request.code(),
            OneTimeCodes.Purpose.ACTIVATION,
            order.id(),
            AuditTrail.Subject.ORDER,
            actor,
            now);
    if (refused.isPresent()) {
      return new Activation(0, refused);
    }
    ProductEntity product = newProduct(order, offering, request, now);
    room.subscriptions().add(product);
    room.changes()
        .record(
            product,
            Optional.empty(),
            "card " + order.iccid() + " activated with " + request.chosenPrivileges(),
            actor,
            now);
    orders.complete(order, "activated as product " + product.id, actor);
    room.perks().gained(product, offering, request.chosenPrivileges(), now);
    return new Activation(product.id, Optional.empty());
  }

  private static void requireActivatable(ProductOrder order) {
    if (order.isInProgress()) {
      return;
    }
    String reason =
        switch (order.stateName()) {
          case "acknowledged" -> "order " + order.orderCode() + " is not paid yet";
          case "completed" -> "this card is already activated";
          default -> "order " + order.orderCode() + " is " + order.stateName();
        };
    throw ProvisioningException.conflict("not-activatable", reason);
  }

  /**
   * The card must be activated by the person it was ordered for (same ID number and name): the
   * holder the order names, else the buyer. They must pass the real-name rules.
   */
  private void checkHolder(ProductOrder order, ActivationRequest request, Instant now) {
    boolean sameId = personalData.digest().of(request.idNumber()).equals(order.holderDigest());
    boolean sameName = orders.holderName(order).trim().equals(request.name().trim());
    if (!sameId || !sameName) {
      throw ProvisioningException.refused(
          "real-name-refused",
          "the card must be activated by the person it was ordered for",
          List.of(
              new Reason(
                  "REAL_NAME_MISMATCH",
                  "The name or ID number differs from the one the card was ordered for.",
                  "姓名或身份证号与订购时登记的不一致。",
                  "Holder must be the person the card was ordered for")),
          Map.of());
    }
    RuleVerdicts.requireApproved(
        room.rules()
            .checkRealName(
                request.name(),
                request.idNumber(),
                records.activeCards(request.idNumber()),
                1,
                now),
        "real-name-refused",
        "the real-name check failed");
  }

  private ProductEntity newProduct(
      ProductOrder order, ProductOffering offering, ActivationRequest request, Instant now) {
    ProductEntity product = new ProductEntity();
    product.orderId = order.id();
    product.productCode = order.productCode();
    product.partnerCode = offering.partnerCode();
    product.catalogVersion = room.catalog().current().version();
    product.idNumberDigest = order.holderDigest();
    product.holderNameSealed = personalData.seal().seal("name", request.name().trim());
    product.idNumberSealed = personalData.seal().seal("idNumber", request.idNumber().trim());
    product.idNumberMasked = Masked.idNumber(request.idNumber());
    product.msisdn = order.msisdn();
    product.iccid = order.iccid();
    product.imsi = order.imsi();
    product.status = ProductStatus.CREATED.tmfName();
    product.privileges = String.join(",", request.chosenPrivileges());
    product.holdGifts(
        room.grants()
            .gifts(room.catalog().current(), order, request.chosenPrivileges(), now, List.of()));
    product.createdAt = now;
    product.updatedAt = now;
    return product;
  }
}

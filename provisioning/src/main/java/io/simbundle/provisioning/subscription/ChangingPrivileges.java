package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.fact.PrivilegeChange;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Changing a subscriber's privileges, in two steps: asked for (checked by the rules, at most once
 * per billing cycle) and put in force when the next cycle starts, with the gifts recomputed and the
 * partner told which perks come and go.
 */
final class ChangingPrivileges {

  private final SubscriptionRoom room;
  private final PersonalData personalData;
  private final NumberProofs proofs;

  ChangingPrivileges(SubscriptionRoom room, PersonalData personalData, NumberProofs proofs) {
    this.room = room;
    this.personalData = personalData;
    this.proofs = proofs;
  }

  /**
   * Sends the code a change asked by number and ID number needs, to a number whose active card has
   * that ID number; for any other, nothing is sent and the answer is the same.
   */
  void requestCode(String msisdn, String idNumber, String address) {
    String digest = personalData.digest().of(idNumber);
    Instant now = room.clock().instant();
    room.unit()
        .run(
            em -> {
              Optional<Long> product =
                  room.subscriptions()
                      .lockActive(msisdn)
                      .filter(p -> p.idNumberDigest.equals(digest))
                      .map(p -> p.id);
              proofs.send(
                  msisdn,
                  address,
                  OneTimeCodes.Purpose.PRIVILEGE_CHANGE,
                  product,
                  Destination.subscriber(product.orElse(0L)),
                  now);
            });
  }

  /**
   * Asks for {@code chosen} on the active card of a number; returns the subscription's id.
   *
   * @param code the code sent to the number, where codes are required
   */
  long ask(
      String msisdn, String idNumber, List<String> chosen, Optional<String> code, Actor actor) {
    String digest = personalData.digest().of(idNumber);
    Instant now = room.clock().instant();
    long[] refusedFor = {0};
    Optional<String> refused =
        room.unit()
            .call(
                em -> {
                  ProductEntity product =
                      room.subscriptions()
                          .lockActive(msisdn)
                          .filter(p -> p.idNumberDigest.equals(digest))
                          // One answer for an unknown number and a wrong ID number.
                          .orElseThrow(
                              () ->
                                  ProvisioningException.notFound(
                                      "no active card with this number and ID number"));
                  checkWithTheRules(product, chosen, now);
                  Optional<String> why =
                      proofs.refusal(
                          msisdn,
                          code,
                          OneTimeCodes.Purpose.PRIVILEGE_CHANGE,
                          product.id,
                          AuditTrail.Subject.PRODUCT,
                          actor,
                          now);
                  if (why.isEmpty()) {
                    record(product, chosen, actor, now);
                  }
                  refusedFor[0] = product.id;
                  return why;
                });
    refused.ifPresent(
        why -> {
          throw ProvisioningException.unauthorized("code-refused", why);
        });
    return refusedFor[0];
  }

  /**
   * Asks for {@code chosen} on a subscription whose holder proved who they are otherwise (signed in
   * with a code sent to the number).
   */
  long ask(long productId, List<String> chosen, Actor actor) {
    return room.unit()
        .call(
            em -> {
              ProductEntity product = room.subscriptions().lock(productId);
              if (product.status() != ProductStatus.ACTIVE) {
                throw ProvisioningException.conflict(
                    "product-not-active", "the subscription is not active");
              }
              return ask(product, chosen, actor);
            });
  }

  private long ask(ProductEntity product, List<String> chosen, Actor actor) {
    Instant now = room.clock().instant();
    checkWithTheRules(product, chosen, now);
    record(product, chosen, actor, now);
    return product.id;
  }

  /** A valid choice, and the first change this cycle; checked against next cycle's menu. */
  private void checkWithTheRules(ProductEntity product, List<String> chosen, Instant now) {
    YearMonth cycle = ChargingProfiles.cycleOf(now);
    ProductOrder order = room.orders().byId(product.orderId);
    Instant inForce = ChargingProfiles.cycleStart(cycle.plusMonths(1));
    RuleVerdicts.requireApproved(
        room.rules()
            .checkPrivilegeChange(
                room.grants().governing(product, inForce),
                new PrivilegeSelectionRequest(
                    product.productCode, chosen, order.newToOperator(), order.newToPartner()),
                new PrivilegeChange(
                    product.privilegeChangesIn(cycle), cycle.plusMonths(1).toString())),
        "privileges-refused",
        "the change of privileges is refused");
  }

  private void record(ProductEntity product, List<String> chosen, Actor actor, Instant now) {
    ProductEntity.PrivilegesAsked asked =
        product.askPrivileges(chosen, ChargingProfiles.cycleOf(now), now);
    room.changes()
        .record(
            product,
            Optional.of(product.status),
            "privileges "
                + asked.from()
                + " to change to "
                + asked.to()
                + " from "
                + asked.inForceFrom(),
            actor,
            now);
  }

  /**
   * Puts privileges asked for in force once their cycle has come, in the caller's transaction;
   * nothing when none are due.
   */
  void putInForce(ProductEntity product, Instant now) {
    Optional<ProductEntity.PrivilegesChanged> applied = product.applyPendingPrivileges(now);
    if (applied.isEmpty()) {
      return;
    }
    ProductEntity.PrivilegesChanged change = applied.get();
    ProductOrder order = room.orders().byId(product.orderId);
    CatalogVersion governing = room.grants().governing(product, now);
    ProductOffering offering = room.grants().offering(product, governing);
    product.holdGifts(
        room.grants().gifts(governing, order, change.after(), now, product.heldGifts()));
    room.perks().lost(product, offering, change.removed(), now);
    room.perks().gained(product, offering, change.added(), now);
    room.changes()
        .record(
            product,
            Optional.of(product.status),
            "privileges changed from "
                + change.before()
                + " to "
                + change.after()
                + " at the new billing cycle",
            Actor.SYSTEM,
            now);
  }
}

package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a subscription holds: the gifts the rules grant and privilege changes coming due. */
public final class Grants {

  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;
  private final Outbox outbox;
  private final AuditTrail audit;

  public Grants(
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      Outbox outbox,
      AuditTrail audit) {
    this.audit = audit;
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
    this.outbox = outbox;
  }

  /** Where the subscription's changes are audited, in the transaction that made them. */
  AuditTrail audit() {
    return audit;
  }

  /** Where partner perk notices go, in the transaction that changed the privileges. */
  Outbox outbox() {
    return outbox;
  }

  /** The card as the catalog in force defines it. */
  ProductOffering offering(String productCode) {
    return catalog
        .current()
        .product(productCode)
        .orElseThrow(
            () ->
                ProvisioningException.conflict(
                    "product-withdrawn",
                    "catalog " + catalog.current().version() + " no longer has " + productCode));
  }

  /**
   * The gifts the rules grant for a choice; a gift already held keeps its grant time, so a change
   * of privileges does not renew a one-off gift.
   */
  List<HeldGift> gifts(ProductOrder order, List<String> chosen, Instant now, List<HeldGift> held) {
    Decision decision =
        rules.gifts(
            catalog.current(),
            new GiftRequest(
                order.productCode(),
                chosen,
                order.newToOperator(),
                order.newToPartner(),
                Optional.ofNullable(order.campaignCode()),
                records.orderSequence(order.campaignCode(), order.id()),
                order.createdAt()));
    return decision.gifts().stream()
        .map(
            g ->
                new HeldGift(
                    g,
                    held.stream()
                        .filter(h -> h.code().equals(g.code()))
                        .map(HeldGift::grantedAt)
                        .findFirst()
                        .orElse(now)))
        .toList();
  }

  /**
   * Puts pending privileges in force once their cycle has come, in the caller's transaction: gifts
   * are recomputed and the partner told which perks come and go.
   */
  void applyPendingChange(EntityManager em, ProductEntity product, Instant now) {
    Optional<ProductEntity.PrivilegesChanged> applied = product.applyPendingPrivileges(now);
    if (applied.isEmpty()) {
      return;
    }
    ProductEntity.PrivilegesChanged change = applied.get();
    ProductOrder order = em.find(ProductOrder.class, product.orderId);
    ProductOffering offering = offering(product.productCode);
    product.gifts =
        ProductRecords.writeGifts(
            gifts(order, change.after(), now, ProductRecords.readGifts(product.gifts)));
    PerkNotices.queue(outbox, product, offering, change.removed(), PerkNotices.REMOVE, now);
    PerkNotices.queue(outbox, product, offering, change.added(), PerkNotices.ACTIVATE, now);
    ProductRecords.audit(
        audit,
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

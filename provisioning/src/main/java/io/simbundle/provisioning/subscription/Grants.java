package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog and the rules grant a subscription: its card as sold and its gifts. A subscriber
 * stays on the catalog version they bought until a later version that moves existing subscribers
 * was in force when one of their billing cycles began; a card withdrawn since keeps serving those
 * who bought it.
 */
final class Grants {

  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;

  Grants(CatalogService catalog, RulesService rules, BuyerRecords records) {
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
  }

  /**
   * The catalog version governing a subscription in the billing cycle of {@code at}: the one it was
   * bought under, or the newest version that moves existing subscribers and was in force when that
   * cycle began — unless that one no longer sells the card.
   */
  CatalogVersion governing(ProductEntity product, Instant at) {
    Instant cycleStart = ChargingProfiles.cycleStart(ChargingProfiles.cycleOf(at));
    return catalog
        .timeline()
        .forSubscriber(product.catalogVersion, cycleStart)
        .filter(version -> version.product(product.productCode).isPresent())
        .or(() -> catalog.version(product.catalogVersion))
        .orElseGet(catalog::current);
  }

  /** The card as the version governing the subscription in the cycle of {@code at} defines it. */
  ProductOffering offering(ProductEntity product, Instant at) {
    return offering(product, governing(product, at));
  }

  /** The card as {@code version} — the one governing the subscription — defines it. */
  ProductOffering offering(ProductEntity product, CatalogVersion version) {
    return version
        .product(product.productCode)
        .orElseThrow(
            () ->
                ProvisioningException.conflict(
                    "product-withdrawn",
                    "catalog " + version.version() + " has no " + product.productCode));
  }

  /** The card as the catalog in force defines it, for a new subscription. */
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
   * The gifts the rules grant for a choice under {@code version}; a gift already held keeps its
   * grant time, so a change of privileges does not renew a one-off gift.
   */
  GrantedGifts gifts(
      CatalogVersion version,
      ProductOrder order,
      List<String> chosen,
      Instant now,
      List<HeldGift> held) {
    Decision decision =
        rules.gifts(
            version,
            new GiftRequest(
                order.productCode(),
                chosen,
                order.newToOperator(),
                order.newToPartner(),
                Optional.ofNullable(order.campaignCode()),
                records.orderSequence(order.campaignCode(), order.id()),
                order.createdAt()));
    List<HeldGift> gifts =
        decision.gifts().stream()
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
    return new GrantedGifts(gifts, decision.ruleSetVersion());
  }
}

package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.outbox.OutboxMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tells the partner which of its perks a subscriber gained or lost, through the outbox. */
final class PerkNotices {

  static final String ACTIVATE = "perk.activate";
  static final String REMOVE = "perk.remove";

  private final Outbox outbox;

  PerkNotices(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Queues an activation notice for each partner perk in {@code codes}, in the caller's tx. */
  void gained(ProductEntity product, ProductOffering offering, List<String> codes, Instant at) {
    queue(product, offering, codes, ACTIVATE, at);
  }

  /** Queues a removal notice for each partner perk in {@code codes}, in the caller's tx. */
  void lost(ProductEntity product, ProductOffering offering, List<String> codes, Instant at) {
    queue(product, offering, codes, REMOVE, at);
  }

  /** The notices queued for a partner, oldest first. */
  List<OutboxMessage> queuedFor(String partnerCode) {
    return outbox.to(Destination.partner(partnerCode));
  }

  private void queue(
      ProductEntity product,
      ProductOffering offering,
      List<String> codes,
      String kind,
      Instant effectiveAt) {
    for (String code : codes) {
      Optional<Privilege> privilege = offering.menu().option(code);
      if (privilege.isPresent() && privilege.get().benefit() instanceof PartnerPerk perk) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("productId", product.id);
        payload.put("msisdn", product.msisdn);
        payload.put("privilege", code);
        payload.put("perkCode", perk.perkCode());
        payload.put("effectiveAt", effectiveAt);
        outbox.write(
            new Message(Destination.partner(product.partnerCode), kind, payload, effectiveAt));
      }
    }
  }
}

package io.simbundle.provisioning.subscription;

import com.fasterxml.jackson.core.type.TypeReference;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reading, locking and changing product rows, shared by the subscription services. */
final class ProductRecords {

  private ProductRecords() {}

  static ProductEntity lock(EntityManager em, long productId) {
    ProductEntity product = em.find(ProductEntity.class, productId, LockModeType.PESSIMISTIC_WRITE);
    if (product == null) {
      throw ProvisioningException.notFound("no product " + productId);
    }
    return product;
  }

  /** Moves a product through its lifecycle and audits the move, in the caller's transaction. */
  static void moveTo(
      AuditTrail audit,
      ProductEntity product,
      ProductStatus next,
      String reason,
      Actor actor,
      Instant at) {
    ProductEntity.StatusChange change = product.moveTo(next, reason, at);
    audit(audit, product, Optional.of(change.from().tmfName()), reason, actor, at);
  }

  static void audit(
      AuditTrail audit,
      ProductEntity product,
      Optional<String> from,
      String reason,
      Actor actor,
      Instant at) {
    audit.record(AuditTrail.Subject.PRODUCT, product.id, from, product.status, actor, reason, at);
  }

  /** The card's included privileges and the chosen ones, as the catalog defines them. */
  static Stream<Privilege> held(Optional<ProductOffering> offering, List<String> chosen) {
    return offering.stream()
        .flatMap(
            o ->
                Stream.concat(
                    o.includedPrivileges().stream(),
                    chosen.stream().map(c -> o.menu().option(c)).flatMap(Optional::stream)));
  }

  static List<String> codes(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  static List<HeldGift> readGifts(String json) {
    return Json.readStored(json, new TypeReference<List<HeldGift>>() {});
  }

  static String writeGifts(List<HeldGift> gifts) {
    return Json.write(gifts);
  }
}

package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** New orders: a random order code, and the buyer's personal data sealed before it is stored. */
final class OrderDrafts {

  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private final PersonalData personalData;
  private final SecureRandom random = new SecureRandom();

  OrderDrafts(PersonalData personalData) {
    this.personalData = personalData;
  }

  /**
   * The request's cards as new orders: one order, or an item each under a basket code (the items'
   * codes are the basket's and their numbers, {@code K7M2P9QX4TRA-1}, {@code -2}, …).
   */
  List<ProductOrder> draft(
      OrderRequest request, CatalogVersion version, OrderTerms terms, BuyerType type, Instant now) {
    OrderRequest.Buyer buyer = request.buyer();
    SealedPerson sealedBuyer = seal(buyer.name(), buyer.idNumber());
    String code = newCode();
    boolean basket = request.items().size() > 1;
    List<ProductOrder> drafts = new ArrayList<>(request.items().size());
    for (int i = 0; i < request.items().size(); i++) {
      OrderRequest.Item item = request.items().get(i);
      drafts.add(
          ProductOrder.draft(
              basket ? code + "-" + (i + 1) : code,
              basket ? Optional.of(code) : Optional.empty(),
              i + 1,
              request,
              version.version(),
              terms,
              type,
              sealedBuyer,
              item.holder().map(h -> seal(h.name(), h.idNumber())),
              now));
    }
    return drafts;
  }

  private SealedPerson seal(String name, String idNumber) {
    return new SealedPerson(
        personalData.digest().of(idNumber),
        personalData.seal().seal("name", name),
        personalData.seal().seal("idNumber", idNumber),
        Masked.idNumber(idNumber));
  }

  /** The digest by which the buyer's orders are counted, without storing the ID number. */
  String buyerDigest(OrderRequest request) {
    return personalData.digest().of(request.buyer().idNumber());
  }

  /** A random code of 12 letters and digits that cannot be mistaken for one another. */
  String newCode() {
    StringBuilder code = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }
}

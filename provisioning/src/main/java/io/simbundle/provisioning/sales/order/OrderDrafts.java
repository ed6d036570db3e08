package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import java.security.SecureRandom;
import java.time.Instant;

/** New orders: a random order code, and the buyer's personal data sealed before it is stored. */
final class OrderDrafts {

  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private final PersonalData personalData;
  private final SecureRandom random = new SecureRandom();

  OrderDrafts(PersonalData personalData) {
    this.personalData = personalData;
  }

  ProductOrder draft(
      OrderRequest request, CatalogVersion version, OrderTerms terms, BuyerType type, Instant now) {
    OrderRequest.Buyer buyer = request.buyer();
    return ProductOrder.draft(
        newCode(),
        request,
        version.version(),
        terms,
        type,
        new SealedBuyer(
            personalData.digest().of(buyer.idNumber()),
            personalData.seal().seal("name", buyer.name()),
            personalData.seal().seal("idNumber", buyer.idNumber()),
            Masked.idNumber(buyer.idNumber())),
        now);
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

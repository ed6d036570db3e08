package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.order.ProductOrder;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A subscription as it leaves the room: personal data masked, zero-rated groups spelled out. */
final class SubscriptionViews {

  private final SubscriptionRoom room;
  private final PersonalData personalData;

  SubscriptionViews(SubscriptionRoom room, PersonalData personalData) {
    this.room = room;
    this.personalData = personalData;
  }

  /** The view of a subscription, in the caller's transaction (it reads the order too). */
  Subscription of(ProductEntity product) {
    List<String> privileges = product.privilegeCodes();
    List<Long> zeroRated =
        List.copyOf(
            new TreeSet<>(
                room
                    .grants()
                    .governing(product, room.clock().instant())
                    .product(product.productCode)
                    .stream()
                    .flatMap(offering -> offering.heldWith(privileges))
                    .filter(p -> p.benefit() instanceof ZeroRating)
                    .flatMap(p -> ((ZeroRating) p.benefit()).ratingGroups().stream())
                    .toList()));
    ProductOrder order = room.orders().byId(product.orderId);
    return new Subscription(
        product.id,
        order.orderCode(),
        product.productCode,
        product.partnerCode,
        product.msisdn,
        product.iccid,
        Masked.name(personalData.seal().open("name", product.holderNameSealed)),
        product.idNumberMasked,
        product.status(),
        privileges,
        product.pendingPrivilegeCodes(),
        Optional.ofNullable(product.pendingFrom),
        product.heldGifts(),
        zeroRated,
        product.createdAt,
        Optional.ofNullable(product.activatedAt));
  }
}

package io.simbundle.catalog.version;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.notice.NoticeTemplates;
import io.simbundle.catalog.partner.Partner;
import io.simbundle.catalog.product.ProductOffering;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable edition of the whole catalog, in force from {@code effectiveFrom}.
 *
 * @param version the label, unique for ever, e.g. {@code 2026.11}
 * @param effectiveFrom when new sales start using it
 * @param movesExistingSubscribers whether subscribers who bought under an earlier version move to
 *     this one; when false they keep the version they bought
 * @param partners the partners
 * @param products the cards
 * @param campaigns the presale campaigns
 * @param notices its own words for what subscribers are told, where it has them
 */
public record CatalogVersion(
    String version,
    Instant effectiveFrom,
    boolean movesExistingSubscribers,
    List<Partner> partners,
    List<ProductOffering> products,
    List<PresaleCampaign> campaigns,
    NoticeTemplates notices) {

  public CatalogVersion {
    Objects.requireNonNull(version);
    Objects.requireNonNull(effectiveFrom);
    partners = List.copyOf(partners);
    products = List.copyOf(products);
    campaigns = List.copyOf(campaigns);
    Objects.requireNonNull(notices);
  }

  /** A version without words of its own for notices: the engine's apply. */
  public CatalogVersion(
      String version,
      Instant effectiveFrom,
      boolean movesExistingSubscribers,
      List<Partner> partners,
      List<ProductOffering> products,
      List<PresaleCampaign> campaigns) {
    this(
        version,
        effectiveFrom,
        movesExistingSubscribers,
        partners,
        products,
        campaigns,
        NoticeTemplates.none());
  }

  public Optional<ProductOffering> product(String code) {
    return products.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  public Optional<Partner> partner(String code) {
    return partners.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  public Optional<PresaleCampaign> campaign(String code) {
    return campaigns.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}

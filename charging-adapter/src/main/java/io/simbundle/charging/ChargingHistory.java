package io.simbundle.charging;

import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.Checkpointer;
import io.simbundle.charging.store.DecisionRecord;
import io.simbundle.charging.store.DecisionRecords;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.charging.usage.WhyCharged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was charged, read back: usage per day and payer, the decisions with their stored reasons,
 * and the partners' settlement. Everything committed is folded first, so a read sees every answer
 * already sent.
 */
final class ChargingHistory {

  private final ChargingStore store;
  private final Checkpointer checkpointer;
  private final DecisionRecords decisions;

  ChargingHistory(ChargingStore store, Checkpointer checkpointer) {
    this.store = store;
    this.checkpointer = checkpointer;
    this.decisions = store.decisions();
  }

  List<UsageRecord> usage(String msisdn) {
    checkpointer.flush();
    return store.usage(msisdn);
  }

  DecisionRecords.Page decisions(String msisdn, Instant before, int limit) {
    checkpointer.flush();
    return decisions.page(msisdn, before, limit);
  }

  /**
   * Usage per day, service, rating group and reason since {@code from}, refunds taken off, each
   * with its reason in words as stored at decision time.
   */
  List<ExplainedUsage> explainedUsage(String msisdn, Instant from) {
    checkpointer.flush();
    Map<Key, Long> units = new LinkedHashMap<>();
    for (DecisionRecord record : decisions.debitsAndRefunds(msisdn, from)) {
      long signed = record.action() == Decision.Action.REFUND ? -record.units() : record.units();
      units.merge(Key.of(record), signed, Long::sum);
    }
    return units.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .map(e -> e.getKey().explained(e.getValue()))
        .toList();
  }

  /**
   * The partner settlement of a month: zero-rated traffic per partner and privilege, priced with
   * the catalog's sponsored price per GB of the card that carries the privilege.
   */
  List<PartnerSettlement> settlement(YearMonth month, CatalogVersion catalog) {
    checkpointer.flush();
    return store.sponsoredBytes(month.atDay(1), month.atEndOfMonth()).stream()
        .map(
            row -> {
              String partner = (String) row[0];
              String privilege = (String) row[1];
              long price =
                  catalog.products().stream()
                      .filter(p -> p.partnerCode().equals(partner))
                      .filter(p -> p.privilege(privilege).isPresent())
                      .mapToLong(p -> p.revenueShare().sponsoredFenPerGb())
                      .findFirst()
                      .orElse(0L);
              return new PartnerSettlement(
                  month, partner, privilege, ((Number) row[2]).longValue(), price);
            })
        .toList();
  }

  /** A line of explained usage: one day's decisions that share service, rating group and reason. */
  private record Key(
      LocalDate day,
      Decision.Service service,
      long ratingGroup,
      Reason reason,
      String reference,
      String partnerCode,
      String catalogVersion,
      String ruleSetVersion) {

    static Key of(DecisionRecord record) {
      return new Key(
          record.hour().atZone(ChargingProfile.BILLING_ZONE).toLocalDate(),
          record.service(),
          record.ratingGroup(),
          record.reason(),
          record.reference(),
          record.partnerCode(),
          record.catalogVersion(),
          record.ruleSetVersion());
    }

    ExplainedUsage explained(long units) {
      return new ExplainedUsage(
          day,
          service,
          ratingGroup,
          reason,
          reference,
          partnerCode,
          catalogVersion,
          ruleSetVersion,
          units,
          WhyCharged.explain(
              service,
              ratingGroup,
              reason,
              reference,
              partnerCode,
              catalogVersion,
              ruleSetVersion));
    }
  }
}

package io.simbundle.charging;

import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.RevenueShare;
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
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

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

  /** Usage days and decision hours before {@code before}, forgotten in chunks of {@code chunk}. */
  ForgottenHistory forgetBefore(Instant before, int chunk) {
    // Folded first: a journal row of those days folded afterwards would bring its records back.
    checkpointer.flush();
    LocalDate day = before.atZone(ZoneOffset.UTC).toLocalDate();
    return new ForgottenHistory(
        inChunks(limit -> store.forgetDecisionsBefore(before, limit), chunk),
        inChunks(limit -> store.forgetUsageBefore(day, limit), chunk));
  }

  private static long inChunks(IntUnaryOperator forget, int chunk) {
    long total = 0;
    int rows;
    do {
      rows = forget.applyAsInt(chunk);
      total += rows;
    } while (rows == chunk);
    return total;
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
   * The partner settlement of a month: zero-rated traffic and sponsored call time per partner and
   * privilege, priced with the catalog's sponsored prices of the card that carries the privilege.
   */
  List<PartnerSettlement> settlement(YearMonth month, CatalogVersion catalog) {
    checkpointer.flush();
    Map<Sponsorship, Sponsored> sponsored = new TreeMap<>();
    for (Object[] row : store.sponsoredBytes(month.atDay(1), month.atEndOfMonth())) {
      sponsored.merge(
          new Sponsorship((String) row[0], (String) row[1]),
          new Sponsored(((Number) row[2]).longValue(), 0),
          Sponsored::plus);
    }
    Instant from = month.atDay(1).atStartOfDay(ChargingProfile.BILLING_ZONE).toInstant();
    Instant to =
        month.plusMonths(1).atDay(1).atStartOfDay(ChargingProfile.BILLING_ZONE).toInstant();
    for (DecisionRecords.Sponsored calls :
        decisions.debitedFor(Reason.SPONSORED_MINUTES, from, to)) {
      sponsored.merge(
          new Sponsorship(calls.partnerCode(), calls.privilegeCode()),
          new Sponsored(0, calls.units()),
          Sponsored::plus);
    }
    return sponsored.entrySet().stream()
        .map(e -> e.getKey().settled(month, e.getValue(), catalog))
        .toList();
  }

  /** A partner sponsoring through one privilege, in settlement order. */
  private record Sponsorship(String partner, String privilege) implements Comparable<Sponsorship> {

    @Override
    public int compareTo(Sponsorship other) {
      return Comparator.comparing(Sponsorship::partner)
          .thenComparing(Sponsorship::privilege)
          .compare(this, other);
    }

    /** Priced by the card of the catalog that carries the privilege. */
    PartnerSettlement settled(YearMonth month, Sponsored amounts, CatalogVersion catalog) {
      RevenueShare prices =
          catalog.products().stream()
              .filter(p -> p.partnerCode().equals(partner))
              .filter(p -> p.privilege(privilege).isPresent())
              .map(ProductOffering::revenueShare)
              .findFirst()
              .orElse(RevenueShare.NONE);
      return new PartnerSettlement(
          month,
          partner,
          privilege,
          amounts.bytes(),
          prices.sponsoredFenPerGb(),
          amounts.seconds(),
          prices.sponsoredFenPerMinute());
    }
  }

  /** Sponsored traffic and call time. */
  private record Sponsored(long bytes, long seconds) {
    Sponsored plus(Sponsored other) {
      return new Sponsored(bytes + other.bytes, seconds + other.seconds);
    }
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

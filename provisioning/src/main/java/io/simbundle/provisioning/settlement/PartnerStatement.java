package io.simbundle.provisioning.settlement;

import io.simbundle.charging.PartnerSettlement;
import io.simbundle.provisioning.csv.CsvRows;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator and a partner settle for a month, every amount in fen.
 *
 * @param sponsoredPricedBy the catalog version whose prices the sponsored traffic and minutes take
 * @param shares the monthly fees of the partner's cards and how they are split, per card and
 *     version
 * @param sponsored what the partner owes for the traffic and minutes it sponsored, per privilege
 */
public record PartnerStatement(
    String partner,
    YearMonth month,
    String sponsoredPricedBy,
    List<Share> shares,
    List<PartnerSettlement> sponsored) {

  public PartnerStatement {
    Objects.requireNonNull(partner);
    shares = List.copyOf(shares);
    sponsored = List.copyOf(sponsored);
  }

  /**
   * One card's monthly fees under one catalog version, and their split.
   *
   * @param subscribers how many subscriptions were charged
   */
  public record Share(
      String product,
      String catalogVersion,
      long subscribers,
      long feesFen,
      int partnerPercent,
      long partnerFen,
      Optional<String> integrator,
      int integratorPercent,
      long integratorFen,
      long operatorFen) {}

  public long feesFen() {
    return shares.stream().mapToLong(Share::feesFen).sum();
  }

  /** The partner's share of the fees. */
  public long partnerShareFen() {
    return shares.stream().mapToLong(Share::partnerFen).sum();
  }

  public long integratorFen() {
    return shares.stream().mapToLong(Share::integratorFen).sum();
  }

  public long operatorFen() {
    return shares.stream().mapToLong(Share::operatorFen).sum();
  }

  /** What the partner owes for sponsoring. */
  public long sponsoredFen() {
    return sponsored.stream().mapToLong(PartnerSettlement::amountFen).sum();
  }

  /** What the operator pays the partner: its share less what it owes (negative: it pays). */
  public long netToPartnerFen() {
    return partnerShareFen() - sponsoredFen();
  }

  /** The statement as one CSV table: share lines, sponsored lines and a total line. */
  public String csv() {
    StringBuilder csv =
        new StringBuilder(
            "line,item,catalogVersion,subscribers,feesFen,partnerPercent,partnerFen,integrator,"
                + "integratorPercent,integratorFen,operatorFen,sponsoredBytes,fenPerGb,"
                + "sponsoredSeconds,fenPerMinute,sponsoredFen\n");
    for (Share s : shares) {
      csv.append(
          CsvRows.line(
              "share",
              s.product(),
              s.catalogVersion(),
              s.subscribers(),
              s.feesFen(),
              s.partnerPercent(),
              s.partnerFen(),
              s.integrator().orElse(""),
              s.integratorPercent(),
              s.integratorFen(),
              s.operatorFen(),
              "",
              "",
              "",
              "",
              ""));
    }
    for (PartnerSettlement p : sponsored) {
      csv.append(
          CsvRows.line(
              "sponsored",
              p.privilegeCode(),
              sponsoredPricedBy,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              p.sponsoredBytes(),
              p.fenPerGb(),
              p.sponsoredSeconds(),
              p.fenPerMinute(),
              p.amountFen()));
    }
    csv.append(
        CsvRows.line(
            "total",
            month,
            "",
            "",
            feesFen(),
            "",
            partnerShareFen(),
            "",
            "",
            integratorFen(),
            operatorFen(),
            "",
            "",
            "",
            "",
            sponsoredFen()));
    return csv.toString();
  }
}

package io.simbundle.catalog.product;

import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeMenu;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A co-branded card as it is sold.
 *
 * @param code unique within a catalog version, e.g. {@code wechat-wo}
 * @param name display name
 * @param description one paragraph for buyers
 * @param partnerCode the partner that co-brands it
 * @param lifecycleStatus TMF620 lifecycle
 * @param provinces where it is sold; empty means nationwide
 * @param plan the base plan
 * @param menu the privileges the buyer chooses from
 * @param includedPrivileges privileges every subscriber gets without choosing
 * @param revenueShare how the fee and sponsored traffic are split with the partner
 */
public record ProductOffering(
    String code,
    String name,
    String description,
    String partnerCode,
    LifecycleStatus lifecycleStatus,
    Set<Province> provinces,
    BasePlan plan,
    PrivilegeMenu menu,
    List<Privilege> includedPrivileges,
    RevenueShare revenueShare) {

  public ProductOffering {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    Objects.requireNonNull(partnerCode);
    Objects.requireNonNull(lifecycleStatus);
    Objects.requireNonNull(plan);
    Objects.requireNonNull(menu);
    Objects.requireNonNull(revenueShare);
    provinces = Set.copyOf(provinces);
    includedPrivileges = List.copyOf(includedPrivileges);
  }

  public boolean nationwide() {
    return provinces.isEmpty();
  }

  public boolean soldIn(Province province) {
    return nationwide() || provinces.contains(province);
  }

  /** Every privilege of this card: the menu's options and the included ones. */
  public Stream<Privilege> allPrivileges() {
    return Stream.concat(menu.options().stream(), includedPrivileges.stream());
  }

  /**
   * What a subscriber who chose {@code chosen} holds: the included privileges, then the chosen
   * options in their order. A code this card's menu does not offer is left out.
   */
  public Stream<Privilege> heldWith(List<String> chosen) {
    return Stream.concat(
        includedPrivileges.stream(), chosen.stream().map(menu::option).flatMap(Optional::stream));
  }

  public Optional<Privilege> privilege(String privilegeCode) {
    return allPrivileges().filter(p -> p.code().equals(privilegeCode)).findFirst();
  }
}

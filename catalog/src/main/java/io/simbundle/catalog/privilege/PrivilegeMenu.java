package io.simbundle.catalog.privilege;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The privileges a buyer chooses from, and how many they must and may choose.
 *
 * @param name display name, e.g. "WeChat privileges"
 * @param lowerLimit the least number to choose
 * @param upperLimit the most number to choose
 * @param options the privileges on offer, in display order
 */
public record PrivilegeMenu(String name, int lowerLimit, int upperLimit, List<Privilege> options) {

  public PrivilegeMenu {
    Objects.requireNonNull(name);
    options = List.copyOf(options);
    if (lowerLimit < 0 || upperLimit < lowerLimit || upperLimit > options.size()) {
      throw new IllegalArgumentException(
          "menu limits must satisfy 0 <= lower <= upper <= number of options");
    }
  }

  public Optional<Privilege> option(String code) {
    return options.stream().filter(p -> p.code().equals(code)).findFirst();
  }
}

package io.simbundle.catalog.product;

import java.util.Arrays;
import java.util.Optional;

/** TMF620 lifecycle of an offering; only {@link #LAUNCHED} ones can be ordered. */
public enum LifecycleStatus {
  IN_DESIGN("In design"),
  IN_TEST("In test"),
  ACTIVE("Active"),
  LAUNCHED("Launched"),
  RETIRED("Retired"),
  OBSOLETE("Obsolete"),
  REJECTED("Rejected");

  private final String tmfName;

  LifecycleStatus(String tmfName) {
    this.tmfName = tmfName;
  }

  /** The wording TMF620 uses, e.g. {@code Launched}. */
  public String tmfName() {
    return tmfName;
  }

  public static Optional<LifecycleStatus> fromTmfName(String name) {
    return Arrays.stream(values()).filter(s -> s.tmfName.equalsIgnoreCase(name)).findFirst();
  }

  public static String allowedNames() {
    return String.join(", ", Arrays.stream(values()).map(LifecycleStatus::tmfName).toList());
  }
}

package io.simbundle.rules.fact;

import java.util.Set;

/** One privilege code a buyer chose, with what the catalog says of it. */
public final class ChosenPrivilege {
  private final String code;
  private final int position;
  private final boolean onMenu;
  private final boolean included;
  private final Set<String> excludes;
  private final Set<String> requires;
  private final Set<Integer> b2b2cTypes;

  /**
   * @param code the code as chosen
   * @param position where in the choice it stands (0 is first), to tell repeats apart
   * @param onMenu whether the product's menu offers it
   * @param included whether it is one of the product's included privileges (not chosen)
   * @param excludes codes it cannot be chosen with
   * @param requires codes that must be chosen with it
   * @param b2b2cTypes the buyer types it is offered to; empty means all
   */
  public ChosenPrivilege(
      String code,
      int position,
      boolean onMenu,
      boolean included,
      Set<String> excludes,
      Set<String> requires,
      Set<Integer> b2b2cTypes) {
    this.code = code;
    this.position = position;
    this.onMenu = onMenu;
    this.included = included;
    this.excludes = Set.copyOf(excludes);
    this.requires = Set.copyOf(requires);
    this.b2b2cTypes = Set.copyOf(b2b2cTypes);
  }

  public String getCode() {
    return code;
  }

  public int getPosition() {
    return position;
  }

  public boolean isOnMenu() {
    return onMenu;
  }

  public boolean isIncluded() {
    return included;
  }

  public Set<String> getExcludes() {
    return excludes;
  }

  public Set<String> getRequires() {
    return requires;
  }

  public Set<Integer> getB2b2cTypes() {
    return b2b2cTypes;
  }

  public boolean isOfferedToAllTypes() {
    return b2b2cTypes.isEmpty();
  }
}

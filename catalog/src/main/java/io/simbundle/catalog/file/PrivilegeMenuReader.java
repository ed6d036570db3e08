package io.simbundle.catalog.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.privilege.Benefit;
import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeKind;
import io.simbundle.catalog.privilege.PrivilegeMenu;
import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.catalog.privilege.SponsoredCalls;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a card's privilege menu from a catalog file: the menu's limits and each privilege with its
 * kind's fields (zero-rating, traffic gift, partner perk), every problem reported at its path.
 */
final class PrivilegeMenuReader {

  private static final Set<String> MENU_FIELDS =
      Set.of("name", "lowerLimit", "upperLimit", "privileges");
  private static final Set<String> PRIVILEGE_COMMON_FIELDS =
      Set.of("code", "name", "description", "kind", "excludes", "requires", "b2b2cTypes");
  private static final Map<PrivilegeKind, Set<String>> PRIVILEGE_KIND_FIELDS =
      Map.of(
          PrivilegeKind.ZERO_RATING,
          Set.of("ratingGroups", "serviceIdentifiers", "monthlyCapMb", "excludedRatingGroups"),
          PrivilegeKind.TRAFFIC_GIFT,
          Set.of("megabytes", "recurrence", "validityDays", "ratingGroups"),
          PrivilegeKind.PARTNER_PERK,
          Set.of("perkCode"),
          PrivilegeKind.SPONSORED_CALLS,
          Set.of("minutesPerCycle", "calledPrefixes"));
  private static final Pattern PERK_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");
  private static final long MAX_MB = CatalogDocumentReader.MAX_MB;

  private final DocumentCursor cursor;

  PrivilegeMenuReader(DocumentCursor cursor) {
    this.cursor = cursor;
  }

  Optional<PrivilegeMenu> menu(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, MENU_FIELDS)) {
      return Optional.empty();
    }
    Optional<String> name = cursor.text(node, path, "name", true);
    Optional<Long> lower = cursor.integer(node, path, "lowerLimit", true, 0, 100);
    Optional<Long> upper = cursor.integer(node, path, "upperLimit", true, 0, 100);
    List<Privilege> options = cursor.array(node, path, "privileges", true, this::privilege);
    if (lower.isEmpty() || upper.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    int optionCount = node.path("privileges").size();
    if (lower.get() > upper.get()) {
      cursor.problem(
          path.field("lowerLimit"),
          "lower limit " + lower.get() + " is above the upper limit " + upper.get());
      return Optional.empty();
    }
    if (upper.get() > optionCount) {
      cursor.problem(
          path.field("upperLimit"),
          "upper limit " + upper.get() + " is above the " + optionCount + " privileges on offer");
      return Optional.empty();
    }
    if (options.size() != optionCount) {
      return Optional.empty();
    }
    return Optional.of(
        new PrivilegeMenu(name.get(), lower.get().intValue(), upper.get().intValue(), options));
  }

  Optional<Privilege> privilege(JsonNode node, NodePath path) {
    if (node == null || !node.isObject()) {
      cursor.objectWithOnly(node, path, Set.of());
      return Optional.empty();
    }
    Optional<PrivilegeKind> kind =
        cursor.enumeration(node, path, "kind", PrivilegeKind.class, true);
    Set<String> allowed = new HashSet<>(PRIVILEGE_COMMON_FIELDS);
    kind.ifPresentOrElse(
        k -> allowed.addAll(PRIVILEGE_KIND_FIELDS.get(k)),
        () -> PRIVILEGE_KIND_FIELDS.values().forEach(allowed::addAll));
    cursor.objectWithOnly(node, path, allowed);

    int before = cursor.problems().size();
    Optional<String> code = cursor.code(node, path, "code");
    Optional<String> name = cursor.text(node, path, "name", true);
    String description = cursor.text(node, path, "description", false).orElse("");
    Set<String> excludes = cursor.distinct(node, path, "excludes", cursor::codeValue);
    Set<String> requires = cursor.distinct(node, path, "requires", cursor::codeValue);
    Set<Integer> types =
        cursor.distinct(
            node,
            path,
            "b2b2cTypes",
            (value, at) -> cursor.integerValue(value, at, 1, 4).map(Long::intValue));
    Optional<Benefit> benefit = kind.flatMap(k -> benefit(k, node, path));
    if (cursor.problems().size() > before
        || code.isEmpty()
        || name.isEmpty()
        || benefit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Privilege(
            code.get(), name.get(), description, benefit.get(), excludes, requires, types));
  }

  private Optional<Benefit> benefit(PrivilegeKind kind, JsonNode node, NodePath path) {
    return switch (kind) {
      case ZERO_RATING -> zeroRating(node, path);
      case TRAFFIC_GIFT -> trafficGift(node, path);
      case PARTNER_PERK ->
          cursor
              .text(node, path, "perkCode", true)
              .filter(
                  c ->
                      cursor.matches(
                          PERK_CODE, c, path.field("perkCode"), "a perk code (GROUP_CHAT_60)"))
              .map(PartnerPerk::new);
      case SPONSORED_CALLS -> sponsoredCalls(node, path);
    };
  }

  private Optional<Benefit> sponsoredCalls(JsonNode node, NodePath path) {
    Optional<Long> minutes =
        cursor.integer(node, path, "minutesPerCycle", true, 1, SponsoredCalls.MAX_MINUTES);
    Set<String> prefixes =
        cursor.distinct(
            node,
            path,
            "calledPrefixes",
            (value, at) ->
                cursor.textValue(
                    value,
                    at,
                    text -> Optional.of(text).filter(t -> DIGITS.matcher(t).matches()),
                    "a called-number prefix of 1 to 15 digits (E.164, no +)"));
    if (prefixes.isEmpty() && !node.path("calledPrefixes").isArray()) {
      cursor.problem(
          path.field("calledPrefixes"), "a SPONSORED_CALLS privilege needs called-number prefixes");
      return Optional.empty();
    }
    if (minutes.isEmpty() || prefixes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SponsoredCalls(minutes.get().intValue(), prefixes));
  }

  private Optional<Benefit> zeroRating(JsonNode node, NodePath path) {
    Set<Long> groups = cursor.distinct(node, path, "ratingGroups", cursor::unsigned32);
    Set<Long> services = cursor.distinct(node, path, "serviceIdentifiers", cursor::unsigned32);
    Optional<Long> cap = cursor.integer(node, path, "monthlyCapMb", false, 1, MAX_MB);
    Set<Long> excluded = cursor.distinct(node, path, "excludedRatingGroups", cursor::unsigned32);
    if (groups.isEmpty() && services.isEmpty()) {
      cursor.problem(
          path.field("ratingGroups"),
          "a ZERO_RATING privilege needs at least one rating group or service identifier");
      return Optional.empty();
    }
    Set<Long> both = new HashSet<>(groups);
    both.retainAll(excluded);
    if (!both.isEmpty()) {
      cursor.problem(
          path.field("excludedRatingGroups"),
          "rating group(s) " + both + " are both zero-rated and excluded");
      return Optional.empty();
    }
    return Optional.of(new ZeroRating(groups, services, cap, excluded));
  }

  private Optional<Benefit> trafficGift(JsonNode node, NodePath path) {
    Optional<Long> mb = cursor.integer(node, path, "megabytes", true, 1, MAX_MB);
    Optional<Recurrence> recurrence =
        cursor.enumeration(node, path, "recurrence", Recurrence.class, true);
    Optional<Long> validity = cursor.integer(node, path, "validityDays", true, 1, 3660);
    Set<Long> groups = cursor.distinct(node, path, "ratingGroups", cursor::unsigned32);
    if (mb.isEmpty() || recurrence.isEmpty() || validity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TrafficGift(mb.get(), recurrence.get(), validity.get().intValue(), groups));
  }
}

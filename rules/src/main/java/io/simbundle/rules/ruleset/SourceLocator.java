package io.simbundle.rules.ruleset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line a compiler message is about when the compiler gives none: the executable model
 * reports some semantic errors (an unknown field, say) without a line, but names the expression or
 * the rule, which can be found in the file.
 */
final class SourceLocator {

  private static final List<Pattern> CLUES =
      List.of(
          Pattern.compile("expression:\\s*(.+?)\\s*$"),
          Pattern.compile("Rule name='([^']+)'"),
          Pattern.compile("'([^']{3,})'"),
          Pattern.compile("\"([^\"]{3,})\""));

  private SourceLocator() {}

  /** The 1-based line of the first clue the message gives that the source contains; 0 if none. */
  static int lineOf(String message, String source) {
    List<String> lines = source.lines().toList();
    for (Pattern clue : CLUES) {
      Matcher matcher = clue.matcher(message);
      while (matcher.find()) {
        String fragment = matcher.group(1).strip();
        for (int i = 0; i < lines.size(); i++) {
          if (!fragment.isEmpty() && lines.get(i).contains(fragment)) {
            return i + 1;
          }
        }
      }
    }
    return 0;
  }
}

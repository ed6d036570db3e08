package io.simbundle.rules.ruleset;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.template.parser.DecisionTableParseException;

/**
 * CSV decision tables, turned into DRL before compiling. The generated DRL marks each rule with the
 * spreadsheet row it came from ({@code // rule values at A12}), which maps a compiler message on
 * the DRL back to a line of the CSV file.
 */
final class DecisionTables {

  private static final Pattern ROW_MARK = Pattern.compile("rule values at [A-Z]+(\\d+)");

  private DecisionTables() {}

  /**
   * @throws InvalidRulesException when the table's layout is broken
   */
  static String toDrl(RuleSource table) {
    try {
      return new SpreadsheetCompiler()
          .compile(new ByteArrayInputStream(table.content()), InputType.CSV);
    } catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidRulesException(
          List.of(new RuleProblem(table.name(), 0, "decision table layout: " + e.getMessage())));
    }
  }

  /** The CSV line a line of the generated DRL came from; 0 when it is header material. */
  static int csvLine(String generatedDrl, int drlLine) {
    List<String> lines = generatedDrl.lines().toList();
    for (int i = Math.min(drlLine, lines.size()) - 1; i >= 0; i--) {
      Matcher mark = ROW_MARK.matcher(lines.get(i));
      if (mark.find()) {
        return Integer.parseInt(mark.group(1));
      }
    }
    return 0;
  }
}

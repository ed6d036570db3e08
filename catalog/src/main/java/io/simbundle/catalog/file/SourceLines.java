package io.simbundle.catalog.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a parsed document starts, found by streaming the document once
 * more, so that a problem found in the tree can still name its line.
 */
final class SourceLines {

  private final Map<String, Integer> lineByPointer;

  private SourceLines(Map<String, Integer> lineByPointer) {
    this.lineByPointer = lineByPointer;
  }

  static SourceLines index(JsonFactory factory, String content) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // The tree parse already reported the syntax error; lines found so far still help.
    }
    return new SourceLines(lines);
  }

  /** The line of the value at {@code path}, or of its nearest enclosing value; 0 if unknown. */
  int lineOf(NodePath path) {
    String pointer = path.pointer();
    while (true) {
      Integer line = lineByPointer.get(pointer);
      if (line != null) {
        return line;
      }
      int cut = pointer.lastIndexOf('/');
      if (cut < 0) {
        return 0;
      }
      pointer = pointer.substring(0, cut);
    }
  }
}

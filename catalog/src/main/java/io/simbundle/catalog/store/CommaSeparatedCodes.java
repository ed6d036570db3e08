package io.simbundle.catalog.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a short list of codes (which never contain commas) as {@code a,b,c}. */
@Converter
public final class CommaSeparatedCodes implements AttributeConverter<List<String>, String> {
  @Override
  public String convertToDatabaseColumn(List<String> codes) {
    return codes == null ? null : String.join(",", codes);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null) {
      return null;
    }
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }
}

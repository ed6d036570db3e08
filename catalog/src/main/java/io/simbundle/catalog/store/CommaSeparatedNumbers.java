package io.simbundle.catalog.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a short list of numbers (rating groups, B2B2C types) as {@code 1000,1001}. */
@Converter
public final class CommaSeparatedNumbers implements AttributeConverter<List<Long>, String> {
  @Override
  public String convertToDatabaseColumn(List<Long> numbers) {
    return numbers == null
        ? null
        : numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public List<Long> convertToEntityAttribute(String column) {
    if (column == null) {
      return null;
    }
    return column.isEmpty()
        ? List.of()
        : Arrays.stream(column.split(",")).map(Long::valueOf).toList();
  }
}

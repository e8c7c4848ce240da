package dev.condis.model.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --time-budget}: a positive number with a unit ({@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}; several may be combined, as in {@code 1m30s}), or an ISO-8601
 * duration ({@code PT90S}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|s|m|h))+");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String s = value.strip().toLowerCase(Locale.ROOT);
    Duration d;
    if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw bad(value);
      }
    } else if (WHOLE.matcher(s).matches()) {
      d = Duration.ZERO;
      Matcher m = PART.matcher(s);
      while (m.find()) {
        long n;
        try {
          n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          throw bad(value);
        }
        d =
            d.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  default -> Duration.ofHours(n);
                });
      }
    } else {
      throw bad(value);
    }
    if (d.isNegative() || d.isZero()) {
      throw new TypeConversionException("'" + value + "' is not a positive duration");
    }
    return d;
  }

  private static TypeConversionException bad(String value) {
    return new TypeConversionException(
        "'" + value + "' is not a duration (use e.g. 500ms, 30s, 5m, 1h, 1m30s or PT90S)");
  }
}

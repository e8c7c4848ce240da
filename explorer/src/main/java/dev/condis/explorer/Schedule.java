package dev.condis.explorer;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The decisions of one execution, in order: an immutable value with a one-token text form.
 *
 * <p>Grammar: {@code schedule := "none" | decision ("." decision)*}, {@code decision := pick |
 * choice}, {@code pick := INDEX} (the thread to run next, by creation index, main = 0), {@code
 * choice := "c" VALUE "of" ARITY} (the value a {@link Runtime#choose} returned, 0 <= VALUE <
 * ARITY, ARITY >= 2). Numbers are decimal without leading zeros. Example: {@code 1.0.c2of3.2}.
 * Only letters, digits and dots: safe unquoted in a shell.
 *
 * <p>A pick is recorded only where at least two threads could run, and a choice only where
 * {@code n >= 2}; elsewhere the execution has no choice to make.
 */
public final class Schedule {

  /** One decision: a {@link Pick} or a {@link Choice}. */
  public sealed interface Decision permits Pick, Choice {}

  /** Run the thread with creation index {@code thread} next. */
  public record Pick(int thread) implements Decision {
    public Pick {
      if (thread < 0) {
        throw new IllegalArgumentException("thread index must be >= 0: " + thread);
      }
    }

    @Override
    public String toString() {
      return Integer.toString(thread);
    }
  }

  /** A {@code choose} with {@code arity} values returned {@code value}. */
  public record Choice(int value, int arity) implements Decision {
    public Choice {
      if (arity < 2 || value < 0 || value >= arity) {
        throw new IllegalArgumentException(
            "a choice needs arity >= 2 and 0 <= value < arity: c" + value + "of" + arity);
      }
    }

    @Override
    public String toString() {
      return "c" + value + "of" + arity;
    }
  }

  public static final Schedule EMPTY = new Schedule(ImmutableList.of());
  private static final String EMPTY_TEXT = "none";

  private final ImmutableList<Decision> decisions;

  private Schedule(ImmutableList<Decision> decisions) {
    this.decisions = decisions;
  }

  public static Schedule of(List<? extends Decision> decisions) {
    return decisions.isEmpty() ? EMPTY : new Schedule(ImmutableList.copyOf(decisions));
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException with a readable message naming the bad token
   */
  public static Schedule parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    if (s.equals(EMPTY_TEXT)) {
      return EMPTY;
    }
    if (s.isEmpty()) {
      throw malformed(text, "it is empty (the empty schedule is written '" + EMPTY_TEXT + "')");
    }
    String[] tokens = s.split("\\.", -1);
    ImmutableList.Builder<Decision> out = ImmutableList.builderWithExpectedSize(tokens.length);
    for (int k = 0; k < tokens.length; k++) {
      out.add(parseDecision(text, k, tokens[k]));
    }
    return new Schedule(out.build());
  }

  private static Decision parseDecision(String text, int k, String token) {
    String where = "token " + (k + 1) + " '" + token + "'";
    if (token.startsWith("c")) {
      int of = token.indexOf("of");
      Integer value = of > 1 ? number(token.substring(1, of)) : null;
      Integer arity = of > 1 ? number(token.substring(of + 2)) : null;
      if (value == null || arity == null) {
        throw malformed(text, where + " is not a choice of the form c<value>of<arity>, e.g. c1of3");
      }
      if (arity < 2 || value >= arity) {
        throw malformed(text, where + " needs arity >= 2 and value < arity");
      }
      return new Choice(value, arity);
    }
    Integer thread = number(token);
    if (thread == null) {
      throw malformed(
          text, where + " is neither a thread index (e.g. 2) nor a choice (e.g. c1of3)");
    }
    return new Pick(thread);
  }

  /** A decimal without sign or leading zero that fits an int, else null. */
  private static Integer number(String s) {
    if (s.isEmpty() || s.length() > 10 || (s.length() > 1 && s.charAt(0) == '0')) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    long v = Long.parseLong(s);
    return v > Integer.MAX_VALUE ? null : (int) v;
  }

  private static IllegalArgumentException malformed(String text, String why) {
    return new IllegalArgumentException(
        "malformed schedule '" + text + "': " + why
            + "; grammar: none | decision('.'decision)*, decision = <thread> | c<value>of<arity>");
  }

  public List<Decision> decisions() {
    return decisions;
  }

  public int size() {
    return decisions.size();
  }

  public boolean isEmpty() {
    return decisions.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule other && decisions.equals(other.decisions);
  }

  @Override
  public int hashCode() {
    return decisions.hashCode();
  }

  /** The text form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    if (decisions.isEmpty()) {
      return EMPTY_TEXT;
    }
    StringBuilder sb = new StringBuilder(decisions.size() * 3);
    for (Decision d : decisions) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(d);
    }
    return sb.toString();
  }
}

package dev.condis.model.cli;

import dev.condis.model.engine.EngineUnavailableException;
import dev.condis.model.plugin.DriverLoader;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and an exit code: bad input (a bad option or
 * value, an unknown scenario, fault, property, engine or class, an unwritable path, a
 * malformed schedule, JPF not installed) exits 2; anything else is an internal error and
 * exits 4. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandling implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final String PREFIX = "condis-verify: ";

  private final boolean verbose;

  ErrorHandling(boolean verbose) {
    this.verbose = verbose;
  }

  static boolean verboseRequested(String[] args) {
    return Arrays.asList(args).contains("--verbose");
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    String line = oneLine(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        line += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
      }
    }
    err.println(PREFIX + line + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, cmd.getErr());
  }

  /** Prints the line for {@code t} (and the stack trace with --verbose); returns the exit code. */
  int report(Throwable t, PrintWriter err) {
    int code;
    if (isBadInput(t)) {
      err.println(PREFIX + oneLine(t.getMessage()));
      code = ExitCodes.BAD_INPUT;
    } else {
      err.println(
          PREFIX + "internal error: " + oneLine(t.toString())
              + (verbose ? "" : " (run with --verbose for the stack trace)"));
      code = ExitCodes.INTERNAL_ERROR;
    }
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static boolean isBadInput(Throwable t) {
    return t instanceof BadInputException
        || t instanceof EngineUnavailableException
        || t instanceof DriverLoader.BadDriverException
        || t instanceof ParameterException;
  }

  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

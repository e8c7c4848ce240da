package dev.condis.model.cli;

import dev.condis.model.report.ToolInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code condis-verify}: the command line of the CoNDIS model checker. Subcommands {@code
 * verify} (the default when no arguments are given), {@code list} and {@code replay}.
 *
 * <p>Exit codes: 0 verified, 1 violation, 2 bad input, 3 inconclusive, 4 internal error.
 */
@Command(
    name = "condis-verify",
    mixinStandardHelpOptions = true,
    versionProvider = CondisVerify.Version.class,
    description = {
      "Proves, within stated bounds, that the CoNDIS call lifecycle (the reference drivers or yours)"
          + " never double-completes, never uses a handle or context after close, and never leaks.",
      "With no command: verify (with no arguments: the default suite)."
    },
    footer = {
      "",
      "Exit codes: 0 verified, 1 violation, 2 bad input, 3 inconclusive, 4 internal error."
    })
public final class CondisVerify implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, CliEnvironment.system(), out, err));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, CliEnvironment env, PrintWriter out, PrintWriter err) {
    String[] effective = withDefaultCommand(args);
    boolean verbose = ErrorHandling.verboseRequested(effective);
    ErrorHandling errors = new ErrorHandling(verbose);
    try {
      CommandLine cmd = commandLine(env, verbose);
      cmd.setOut(out);
      cmd.setErr(err);
      cmd.setParameterExceptionHandler(errors);
      cmd.setExecutionExceptionHandler(errors);
      return cmd.execute(effective);
    } catch (Throwable t) { // an Error, or a failure outside picocli's handlers
      return errors.report(t, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * {@code verify} when no command is given: no arguments at all, or options only (e.g.
   * {@code condis-verify --scenario make-close}); {@code --help} and {@code --version} stay
   * the top command's.
   */
  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0) {
      return new String[] {"verify"};
    }
    String first = args[0];
    boolean topLevelOption =
        first.equals("-h") || first.equals("--help") || first.equals("-V") || first.equals("--version");
    if (first.startsWith("-") && !topLevelOption) {
      String[] out = new String[args.length + 1];
      out[0] = "verify";
      System.arraycopy(args, 0, out, 1, args.length);
      return out;
    }
    return args;
  }

  static CommandLine commandLine(CliEnvironment env, boolean verbose) {
    CommandLine cmd = new CommandLine(new CondisVerify());
    cmd.addSubcommand(new CommandLine(new VerifyCommand(env, verbose)));
    cmd.addSubcommand(new CommandLine(new ListCommand(env)));
    cmd.addSubcommand(new CommandLine(new ReplayCommand(env)));
    cmd.addSubcommand(new CommandLine(new MergeCommand(env)));
    cmd.addSubcommand(new CommandLine.HelpCommand());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpAutoWidth(true);
    return cmd;
  }

  /** Without a subcommand (only options such as --verbose): print the usage and exit 2. */
  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: verify, list or replay");
  }

  /** {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      ToolInfo t = ToolInfo.current();
      return new String[] {
        t.name() + " " + t.version() + t.gitCommit().map(c -> " (" + c + ")").orElse("")
      };
    }
  }
}

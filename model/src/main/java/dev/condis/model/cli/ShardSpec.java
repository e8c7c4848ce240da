package dev.condis.model.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Which shard this process is ({@code verify --shard K/N}, 1-based K): from the flag, else from
 * the environment the CI engines set — GitLab's {@code parallel:} ({@code CI_NODE_INDEX},
 * 1-based, and {@code CI_NODE_TOTAL}), or a Kubernetes Indexed Job's {@code
 * JOB_COMPLETION_INDEX} (0-based) with the count given by {@code --shards N}. The flag wins.
 */
record ShardSpec(int index, int count, String source) {

  static Optional<ShardSpec> resolve(String flag, Integer shards, Map<String, String> env) {
    if (flag != null) {
      return Optional.of(parse(flag.strip(), "--shard " + flag.strip()));
    }
    String node = env.get("CI_NODE_INDEX");
    String total = env.get("CI_NODE_TOTAL");
    if (node != null && total != null && !node.isBlank() && !total.isBlank()) {
      return Optional.of(parse(node.strip() + "/" + total.strip(), "CI_NODE_INDEX/CI_NODE_TOTAL " + node + "/" + total));
    }
    String job = env.get("JOB_COMPLETION_INDEX");
    if (job != null && !job.isBlank()) {
      if (shards == null) {
        throw new BadInputException("JOB_COMPLETION_INDEX is set: give the number of shards with --shards N (the Job's completions), or --shard K/N");
      }
      int zeroBased = number(job.strip(), "JOB_COMPLETION_INDEX " + job);
      return Optional.of(check(zeroBased + 1, shards, "JOB_COMPLETION_INDEX " + job + " with --shards " + shards));
    }
    if (shards != null) {
      throw new BadInputException("--shards N needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); elsewhere use --shard K/N");
    }
    return Optional.empty();
  }

  private static ShardSpec parse(String text, String source) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new BadInputException(source + ": a shard is K/N (1 <= K <= N), e.g. 2/4");
    }
    return check(number(text.substring(0, slash), source), number(text.substring(slash + 1), source), source);
  }

  private static ShardSpec check(int k, int n, String source) {
    if (n < 1 || k < 1 || k > n) {
      throw new BadInputException(source + ": a shard is K/N with 1 <= K <= N, not " + k + "/" + n);
    }
    return new ShardSpec(k, n, source);
  }

  private static int number(String s, String source) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new BadInputException(source + ": '" + s + "' is not a whole number");
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}

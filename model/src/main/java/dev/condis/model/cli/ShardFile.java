package dev.condis.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.condis.model.report.Json;
import dev.condis.model.report.ShardReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One shard report read by {@code merge}: its file, K/N, commit, options and instances. */
record ShardFile(Path path, int index, int count, String commit, String version, JsonNode options, JsonNode instances,
    String startedAt) {

  /** Reads {@code path}; anything but a shard report is bad input, said in one line. */
  static ShardFile read(Path path) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(path));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException("no shard report " + path + ": no such file");
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("cannot read the shard report " + path + ": " + ErrorHandling.oneLine(e.getMessage()));
    }
    if (root == null || !ShardReport.SCHEMA.equals(root.path("schema").asText())) {
      throw new BadInputException(path + " is not a condis-verify shard report (schema " + ShardReport.SCHEMA
          + ", written by verify --shard K/N)");
    }
    JsonNode shard = root.path("shard");
    if (!shard.path("index").canConvertToInt() || !shard.path("count").canConvertToInt()
        || !root.path("instances").isArray() || !root.path("options").isObject()) {
      throw new BadInputException(path + " is a damaged shard report: it lacks its shard, options or instances");
    }
    JsonNode commit = root.path("tool").path("gitCommit");
    return new ShardFile(path, shard.path("index").asInt(), shard.path("count").asInt(),
        commit.isTextual() ? commit.asText() : null, root.path("tool").path("version").asText(),
        root.path("options"), root.path("instances"), root.path("startedAt").asText());
  }

  String name() {
    return path.toString() + " (shard " + index + "/" + count + ")";
  }

  /** The seed of the shard's random walks ({@code verify --random-walk}), or null for a search. */
  String randomWalkSeed() {
    JsonNode seed = options.path("engineOptions").path(dev.condis.model.explorer.ExplorerEngine.RANDOM_WALK);
    return seed.isTextual() ? seed.asText() : null;
  }

  /** The user code the shard checked (its options' userCode), or null if it does not say. */
  String userCode() {
    JsonNode code = options.path("userCode");
    return code.isTextual() ? code.asText() : null;
  }
}

package dev.condis.model.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * What the files one sharded run leaves for the next ({@link UnitSizes}, {@link StateClaims})
 * share: a schema name, a split depth and a list of instances, read with one-line errors, and
 * a digest the shards compare to see that they were given the same file.
 */
final class RunFiles {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RunFiles() {}

  /**
   * The root of {@code json}, a file of {@code schema} written by {@code writer}.
   *
   * @throws IllegalArgumentException in one line: not JSON, another schema, no split depth or no instances
   */
  static JsonNode read(String json, String schema, String what, String writer) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !schema.equals(root.path("schema").asText())) {
      throw new IllegalArgumentException("it is not " + what + " (schema " + schema + ", written by " + writer + ")");
    }
    if (!root.path("splitDepth").canConvertToInt() || root.path("splitDepth").asInt() < 1
        || !root.path("instances").isArray()) {
      throw new IllegalArgumentException("it lacks its split depth or its instances");
    }
    return root;
  }

  /** The digest of a file's text. */
  static String digest(String json) {
    return "sha256:" + Hashing.sha256().hashString(json, StandardCharsets.UTF_8);
  }
}

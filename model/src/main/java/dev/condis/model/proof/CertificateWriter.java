package dev.condis.model.proof;

import dev.condis.model.report.Json;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.ToolInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes one certificate file per scenario checked into a directory. */
public final class CertificateWriter {
  private final Path directory;
  private final ToolInfo tool;
  private final Map<String, String> descriptions;
  private final Set<String> listenerIds;

  /**
   * @param descriptions id to description of every property and engine check
   * @param listenerIds the ids of the property listeners selected; whatever else a result
   *     lists as checked is the engine's own check (e.g. no-uncaught-exception, data-race)
   */
  public CertificateWriter(
      Path directory, ToolInfo tool, Map<String, String> descriptions, Set<String> listenerIds) {
    this.directory = directory;
    this.tool = tool;
    this.descriptions = Map.copyOf(descriptions);
    this.listenerIds = Set.copyOf(listenerIds);
  }

  /** Creates the directory if needed; an unusable one is the caller's bad input. */
  public static void prepare(Path directory) throws IOException {
    Files.createDirectories(directory);
    if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new IOException("not a writable directory: " + directory);
    }
  }

  /** Writes {@code <file name of the label>.json}; returns the path written. */
  public Path write(ScenarioReport report) throws IOException {
    Path file = directory.resolve(fileName(report.label()));
    List<String> engineChecks =
        report.result().properties().stream().filter(id -> !listenerIds.contains(id)).toList();
    String json =
        Json.write(ProofCertificate.of(report, tool, Instant.now(), descriptions, engineChecks));
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  /** "make-close[parties=0,cm=mcm,vc=client]" becomes "make-close_parties-0_cm-mcm_vc-client.json". */
  public static String fileName(String label) {
    String s = label.replace('=', '-').replaceAll("[^A-Za-z0-9.-]+", "_");
    s = s.replaceAll("^_+|_+$", "");
    return s + ".json";
  }
}

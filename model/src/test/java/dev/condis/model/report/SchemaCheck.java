package dev.condis.model.report;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas the tool's machine outputs are checked against: the report and the
 * certificate schemas it ships (src/main/resources/dev/condis/model/schemas) and SARIF 2.1.0
 * (OASIS, test resources). Every schema is served from the class path, never fetched.
 */
public final class SchemaCheck {
  static final String BASE = "https://condis-verify.dev/schemas/";
  public static final String REPORT = BASE + "condis-verify-report-1.schema.json";
  public static final String CERTIFICATE = BASE + "condis-verify-certificate-1.schema.json";
  public static final String SHARD = BASE + "condis-verify-shard-1.schema.json";
  public static final String UNIT_SIZES = BASE + "condis-verify-unit-sizes-1.schema.json";
  public static final String CLAIMS = BASE + "condis-verify-claims-1.schema.json";

  private static final SchemaRegistry OURS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      b -> b.schemas(Map.of(
          REPORT, read("/dev/condis/model/schemas/condis-verify-report-1.schema.json"),
          CERTIFICATE, read("/dev/condis/model/schemas/condis-verify-certificate-1.schema.json"),
          SHARD, read("/dev/condis/model/schemas/condis-verify-shard-1.schema.json"),
          UNIT_SIZES, read("/dev/condis/model/schemas/condis-verify-unit-sizes-1.schema.json"),
          CLAIMS, read("/dev/condis/model/schemas/condis-verify-claims-1.schema.json"))));
  private static final Schema SARIF = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
      .getSchema(read("/schemas/sarif-schema-2.1.0.json"), InputFormat.JSON);

  private SchemaCheck() {}

  /** The schema's findings on {@code json}, one line each; empty when it is valid. */
  public static List<String> problems(String schemaId, String json) {
    return problems(OURS.getSchema(SchemaLocation.of(schemaId)), json);
  }

  public static List<String> sarifProblems(String json) {
    return problems(SARIF, json);
  }

  private static List<String> problems(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  private static String read(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

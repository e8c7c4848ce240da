package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioDefinition;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One .jpf application file per scenario, all with the same settings (target, class path,
 * listeners incl. the race detector, search, reports with traces); only the comment header and
 * the default target.args differ. Every placeholder is one the runner fills.
 */
class JpfTemplatesTest {
  static final Set<String> PLACEHOLDERS =
      Set.of("SITE", "CLASSPATH", "SOURCEPATH", "REPORT", "TIME_BUDGET_MS", "RESOURCES");

  @Test
  void everyScenarioHasItsJpfFile() {
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      String jpf = JpfRunner.template(d.name() + ".jpf");
      assertThat(jpf).as("jpf-config/src/main/resources/jpf/" + d.name() + ".jpf").isNotNull();
      assertThat(jpf)
          .contains("target = dev.condis.jpf.JpfMain")
          .contains("target.args = scenario=" + d.name() + ",parties=" + d.defaultParties()
              + ",cm=standalone,vc=" + ScenarioDefinition.cliName(d.defaultVcOwner()) + "\n")
          .contains("classpath = @CLASSPATH@")
          .contains("sourcepath = @SOURCEPATH@")
          .contains("gov.nasa.jpf.listener.PreciseRaceDetector")
          .contains("search.properties = gov.nasa.jpf.vm.NotDeadlockedProperty,gov.nasa.jpf.vm.NoUncaughtExceptionsProperty")
          .contains("report.console.property_violation = error,trace,snapshot,output")
          .contains("report.xml.start = ")
          .contains("report.xml.property_violation = ")
          .contains("report.xml.finished = result,statistics");
      assertThat(settings(jpf)).as(d.name()).isEqualTo(settings(JpfRunner.template("make-close.jpf")));
      assertThat(placeholders(jpf)).as(d.name()).isSubsetOf(PLACEHOLDERS);
    }
  }

  @Test
  void theSiteTemplate() {
    String site = JpfRunner.template("site.properties");
    assertThat(site).contains("jpf-core = @JPF_HOME@").contains("extensions = ${jpf-core}");
    assertThat(JpfRunner.fill(site, java.util.Map.of("JPF_HOME", "/opt/jpf-core"))).contains("jpf-core = /opt/jpf-core");
  }

  /** The key = value lines other than target.args. */
  private static String settings(String jpf) {
    StringBuilder sb = new StringBuilder();
    for (String line : jpf.split("\n")) {
      if (!line.startsWith("#") && !line.trim().isEmpty() && !line.startsWith("target.args")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("@([A-Z_]+)@").matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}

package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The commit a report names is the build's, read from the jar, not the directory it runs in. */
class ToolInfoTest {

  private static Properties git(String id, String dirty) {
    Properties p = new Properties();
    if (id != null) {
      p.setProperty("git.commit.id", id);
    }
    p.setProperty("git.dirty", dirty);
    return p;
  }

  @Test
  void theCommitComesFromTheBuildsGitProperties() {
    assertThat(ToolInfo.commitOf(git("0123abc", "false"))).contains("0123abc");
    assertThat(ToolInfo.commitOf(git("0123abc", "true"))).contains("0123abc-dirty");
    assertThat(ToolInfo.commitOf(git(null, "false"))).isEmpty();
  }

  @Test
  void theBuildWroteItIntoTheClassPath() {
    // Built in a git work tree (a clone), the plugin recorded a 40-hex commit.
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git")),
        "not built in a git work tree");
    assertThat(ToolInfo.current().gitCommit()).hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{40}(-dirty)?"));
  }
}

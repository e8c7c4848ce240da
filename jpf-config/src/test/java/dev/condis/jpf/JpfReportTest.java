package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading JPF's reports: well-formed, malformed (unescaped) and missing XML; the console. */
class JpfReportTest {

  static final String BANNER = "====================================================== ";

  static String console(String... sections) {
    StringBuilder sb = new StringBuilder("JavaPathfinder core system v8.0 (rev x) - (C) 2005-2014 United States Government.\n\n\n");
    sb.append(BANNER).append("system under test\ndev.condis.jpf.JpfMain.main(\"scenario=make-close\")\n\n");
    sb.append(BANNER).append("search started: 11/21/26, 5:30 PM\n");
    for (String s : sections) {
      sb.append('\n').append(s);
    }
    return sb.toString();
  }

  static String statistics(int newStates, int end, int maxDepth, int constraints) {
    return BANNER + "statistics\n"
        + "elapsed time:       00:01:05\n"
        + "states:             new=" + newStates + ",visited=7,backtracked=" + (newStates + 7) + ",end=" + end + "\n"
        + "search:             maxDepth=" + maxDepth + ",constraints=" + constraints + "\n"
        + "choice generators:  thread=40 (signal=0,lock=10,sharedRef=20,threadApi=5,reschedule=5), data=6\n"
        + "heap:               new=540,released=51,maxLive=517,gcCycles=7\n"
        + "instructions:       10012\n"
        + "max memory:         388MB\n\n"
        + BANNER + "search finished: 11/21/26, 5:31 PM\n";
  }

  static final String VIOLATION_CONSOLE =
      console(
          BANNER + "error 1\n"
              + "gov.nasa.jpf.vm.NoUncaughtExceptionsProperty\n"
              + "java.lang.AssertionError: PROPERTY no-leak RULE CLOSE-4: CallMgrPartyContext#3(cm.party) <was> never released & more\n"
              + "\tat dev.condis.model.scenario.ViolationSink.lambda$throwing$0(ViolationSink.java:19)\n"
              + "\tat dev.condis.model.scenario.ScenarioHarness.runOnce(ScenarioHarness.java:171)\n\n",
          BANNER + "trace #1\n"
              + "------------------------------------------------------ transition #0 thread: 0\n"
              + "gov.nasa.jpf.vm.choice.ThreadChoiceFromSet {id:\"ROOT\" ,1/1,isCascaded:false}\n"
              + "      [9226 insn w/o sources]\n"
              + "------------------------------------------------------ transition #1 thread: 0\n"
              + "gov.nasa.jpf.vm.choice.IntIntervalGenerator[id=\"verifyGetInt(II)\",isCascaded:false,0..1,delta=+1,cur=1]\n"
              + "------------------------------------------------------ transition #2 thread: 1\n"
              + "gov.nasa.jpf.vm.choice.ThreadChoiceFromSet {id:\"START\" ,2/2,isCascaded:false}\n"
              + "------------------------------------------------------ transition #3 thread: 1\n"
              + "gov.nasa.jpf.vm.choice.IntIntervalGenerator[id=\"verifyGetInt(II)\",isCascaded:false,0..2,delta=+1,cur=0]\n"
              + "------------------------------------------------------ transition #4 thread: 0\n"
              + "gov.nasa.jpf.vm.choice.ThreadChoiceFromSet {id:\"JOIN\" ,1/2,isCascaded:false}\n\n",
          BANNER + "snapshot #1\nthread java.lang.Thread:{id:0,name:main,status:RUNNING}\n\n",
          BANNER + "output #1\n"
              + EventCodec.PREFIX + "Note\t1\tmain\tNETWORK\tnetwork hangs up\n\n",
          BANNER + "results\n"
              + "error #1: gov.nasa.jpf.vm.NoUncaughtExceptionsProperty \"java.lang.AssertionError: PROPERTY no-leak RULE CL...\"\n\n",
          statistics(321, 12, 57, 0));

  static final String VIOLATION_XML_MALFORMED =
      "<?xml version=\"1.0\" ?>\n<jpfreport>\n  <jpf-version>8.0</jpf-version>\n"
          + "  <output>out <of> & path</output>\n"
          + "  <result findings=\"errors\">\n    <error id=\"0\">\n"
          + "      <property>gov.nasa.jpf.vm.NoUncaughtExceptionsProperty</property>\n"
          + "      <details>java.lang.AssertionError: PROPERTY no-leak RULE CLOSE-4: CallMgrPartyContext#3(cm.party) <was> never released & more\n"
          + "\tat dev.condis.model.scenario.ScenarioHarness.runOnce(ScenarioHarness.java:171)\n      </details>\n"
          + "    </error>\n  </result>\n"
          + "  <statistics>\n    <elapsed-time>00:01:05</elapsed-time>\n    <new-states>321</new-states>\n"
          + "    <visited-states>7</visited-states>\n    <backtracked-states>328</backtracked-states>\n"
          + "    <end-states>12</end-states>\n    <max-memory unit=\"MB\">388</max-memory>\n  </statistics>\n</jpfreport>\n";

  static final String PASS_XML =
      "<?xml version=\"1.0\" ?>\n<jpfreport>\n  <jpf-version>8.0</jpf-version>\n  <result findings=\"none\"/>\n"
          + "  <statistics>\n    <elapsed-time>00:00:02</elapsed-time>\n    <new-states>85</new-states>\n"
          + "    <visited-states>21</visited-states>\n    <backtracked-states>45</backtracked-states>\n"
          + "    <end-states>4</end-states>\n    <max-memory unit=\"MB\">388</max-memory>\n  </statistics>\n</jpfreport>\n";

  static final String PASS_CONSOLE =
      console(BANNER + "results\nno errors detected\n\n", statistics(85, 4, 30, 0));

  @Test
  void aWellFormedPassingReport() {
    JpfReport r = JpfReport.parse(PASS_XML, PASS_CONSOLE);
    assertThat(r.source()).isEqualTo(JpfReport.Source.XML);
    assertThat(r.errors()).isEmpty();
    assertThat(r.newStates()).isEqualTo(85);
    assertThat(r.endStates()).isEqualTo(4);
    assertThat(r.maxDepth()).hasValue(30);
    assertThat(r.choiceGenerators()).hasValue(46);
    assertThat(r.constraint()).isEmpty();
    assertThat(r.statistic("max-memory")).as("JPF's peak heap, MB").isEqualTo(388);
  }

  @Test
  void aMalformedReportIsReadLeniently() {
    JpfReport r = JpfReport.parse(VIOLATION_XML_MALFORMED, VIOLATION_CONSOLE);
    assertThat(r.source()).isEqualTo(JpfReport.Source.XML_LENIENT);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).property()).isEqualTo(JpfVerdicts.UNCAUGHT);
    assertThat(r.errors().get(0).details()).startsWith("java.lang.AssertionError: PROPERTY no-leak RULE CLOSE-4: ").contains("<was> never released & more");
    assertThat(r.newStates()).isEqualTo(321);
    assertThat(r.endStates()).isEqualTo(12);
    assertThat(r.trace()).contains("transition #4 thread: 0");
    assertThat(r.output()).contains(EventCodec.PREFIX);
  }

  @Test
  void anEmptyReportFallsBackToTheConsole() {
    JpfReport r = JpfReport.parse("", VIOLATION_CONSOLE);
    assertThat(r.source()).isEqualTo(JpfReport.Source.CONSOLE);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).details()).contains("PROPERTY no-leak RULE CLOSE-4").contains("\tat dev.condis");
    assertThat(r.newStates()).isEqualTo(321);
    assertThat(r.statistic("elapsed-time")).isEqualTo(65);
    assertThat(r.statistic("max-memory")).as("JPF's peak heap, MB, from the console").isEqualTo(388);
  }

  @Test
  void aCrashLeavesNoResult() {
    String crashed =
        console() + "[WARNING] orphan NativePeer method: jdk.internal.misc.Unsafe.getUnsafe()\n";
    JpfReport r = JpfReport.parse("", crashed);
    assertThat(r.hasResult()).isFalse();
    assertThat(r.source()).isEqualTo(JpfReport.Source.NONE);
  }

  @Test
  void aBudgetHitIsOnlyOnTheConsole() {
    String console =
        console(
            BANNER + "search constraint\nmax time exceeded: 00:00:02 >= 00:00:02\n\n",
            BANNER + "results\nno errors detected\n\n",
            statistics(85, 4, 30, 1));
    JpfReport r = JpfReport.parse(PASS_XML, console);
    assertThat(r.errors()).isEmpty();
    assertThat(r.constraint()).hasValue("max time exceeded: 00:00:02 >= 00:00:02");
  }

  @Test
  void severeLinesAreKept() {
    String console = console() + "[SEVERE] cannot load application class dev.condis.jpf.Nope\n";
    JpfReport r = JpfReport.parse(null, console);
    assertThat(r.severe()).containsExactly("[SEVERE] cannot load application class dev.condis.jpf.Nope");
  }
}

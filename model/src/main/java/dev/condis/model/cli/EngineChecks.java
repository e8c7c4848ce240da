package dev.condis.model.cli;

import dev.condis.model.property.PropertyCatalog;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checks every engine makes on every run without a listener, with their descriptions. */
final class EngineChecks {
  /** The jpf engine's race check. */
  static final String DATA_RACE = "data-race";

  private EngineChecks() {}

  static String description(String id) {
    if (id.equals(PropertyCatalog.NO_UNCAUGHT_EXCEPTION)) {
      return "No exception escapes driver or NDIS code (checked by the engine on every run).";
    } else if (id.equals(DATA_RACE)) {
      return "No data race: no two threads access the same field without a common lock "
          + "(JPF's race detector; checked by the jpf engine on every run).";
    } else if (id.equals(PropertyCatalog.LIVELOCK)) {
      return "No execution runs on without end: every execution finishes within the engine's "
          + "per-execution step bound (checked by the engine on every run).";
    } else if (id.equals(PropertyCatalog.CONTROLLED_THREADS)) {
      return "Every thread is the Platform's: driver code that starts a thread of its own (whose "
          + "interleavings no engine run explores) is a violation (checked by the explorer on every run).";
    } else if (id.equals(PropertyCatalog.HANG)) {
      return "No driver blocks or spins outside the Platform: every thread makes a synchronisation "
          + "step within the execution timeout (--execution-timeout; the explorer's watchdog).";
    }
    return id;
  }

  /** id to description of every engine check. */
  static Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : PropertyCatalog.engineProperties()) {
      out.put(id, description(id));
    }
    out.put(DATA_RACE, description(DATA_RACE));
    return out;
  }
}

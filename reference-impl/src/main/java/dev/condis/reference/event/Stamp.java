package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/** When and on which thread an event happened: its position in the run and the acting thread. */
@PublicApi
public record Stamp(long seq, String thread) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof Stamp other
        && seq == other.seq
        && Objects.equals(thread, other.thread);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(seq);
    h = 31 * h + Objects.hashCode(thread);
    return h;
  }

  @Override
  public String toString() {
    return "Stamp[seq=" + seq + ", thread=" + thread + "]";
  }
}

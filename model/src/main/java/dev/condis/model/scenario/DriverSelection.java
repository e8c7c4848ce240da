package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.RecordMethods;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which driver classes to check: the reference ones by default, or a user's own client, call
 * manager or miniport class (public no-arg constructor) loaded from {@code classpath}.
 * {@code miniportClass} is the MCM when the call manager kind is MCM, and the CoNDIS miniport
 * under the stand-alone call manager otherwise.
 */
public record DriverSelection(
    Optional<String> clientClass,
    Optional<String> callManagerClass,
    Optional<String> miniportClass,
    ImmutableList<Path> classpath) {

  public static final DriverSelection REFERENCE =
      new DriverSelection(Optional.empty(), Optional.empty(), Optional.empty(), ImmutableList.of());

  public DriverSelection(
      Optional<String> clientClass,
      Optional<String> callManagerClass,
      Optional<String> miniportClass,
      List<Path> classpath) {
    this(clientClass, callManagerClass, miniportClass, ImmutableList.copyOf(classpath));
  }

  public boolean isReference() {
    return clientClass.isEmpty() && callManagerClass.isEmpty() && miniportClass.isEmpty();
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {clientClass, callManagerClass, miniportClass, classpath}; }
  private static final String[] NAMES = {"clientClass", "callManagerClass", "miniportClass", "classpath"};
  @Override public boolean equals(Object o) { return o instanceof DriverSelection r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("DriverSelection", NAMES, parts()); }
}

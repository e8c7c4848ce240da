package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof DriverSelection other
        && Objects.equals(clientClass, other.clientClass)
        && Objects.equals(callManagerClass, other.callManagerClass)
        && Objects.equals(miniportClass, other.miniportClass)
        && Objects.equals(classpath, other.classpath);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(clientClass);
    h = 31 * h + Objects.hashCode(callManagerClass);
    h = 31 * h + Objects.hashCode(miniportClass);
    h = 31 * h + Objects.hashCode(classpath);
    return h;
  }

  @Override
  public String toString() {
    return "DriverSelection[clientClass=" + clientClass
        + ", callManagerClass=" + callManagerClass
        + ", miniportClass=" + miniportClass
        + ", classpath=" + classpath
        + "]";
  }
}

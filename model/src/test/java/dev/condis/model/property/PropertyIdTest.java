package dev.condis.model.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.plugin.DriverLoader;
import dev.condis.reference.event.NdisEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user property whose id is missing, reserved, or another property's is bad input: merged
 * with the other, its violations would be reported as that property's.
 */
class PropertyIdTest {

  /** A property that only has an id (public no-arg subclasses: the catalog instantiates them). */
  abstract static class Named implements PropertyListener {
    private final String id;

    Named(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void onEvent(NdisEvent event, PropertyReporter reporter) {}
  }

  public static final class ClaimsNoLeak extends Named {
    public ClaimsNoLeak() {
      super("no-leak");
    }
  }

  public static final class NullId extends Named {
    public NullId() {
      super(null);
    }
  }

  public static final class BlankId extends Named {
    public BlankId() {
      super(" ");
    }
  }

  public static final class ClaimsHang extends Named {
    public ClaimsHang() {
      super("hang");
    }
  }

  public static final class Mine extends Named {
    public Mine() {
      super("mine");
    }
  }

  public static final class AlsoMine extends Named {
    public AlsoMine() {
      super("mine");
    }
  }

  private static void prepare(Class<?>... user) {
    List<String> classes = new java.util.ArrayList<>(PropertyCatalog.defaultPropertyClasses());
    for (Class<?> c : user) {
      classes.add(c.getName());
    }
    PropertyCatalog.prepare(classes, List.of());
  }

  @Test
  void aUserPropertyWithABuiltInsIdIsRejected() {
    assertThatThrownBy(() -> prepare(ClaimsNoLeak.class))
        .isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessage("property " + ClaimsNoLeak.class.getName() + " has id 'no-leak', already the id of the built-in"
            + " property " + NoLeakProperty.class.getName() + "; ids must be unique");
  }

  @Test
  void twoUserPropertiesWithOneIdAreRejected() {
    assertThatThrownBy(() -> prepare(Mine.class, AlsoMine.class))
        .isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageContaining("has id 'mine', already the id of property " + Mine.class.getName());
  }

  @Test
  void aMissingOrBlankIdIsRejected() {
    assertThatThrownBy(() -> prepare(NullId.class)).isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageEndingWith("has no id: id() returned null");
    assertThatThrownBy(() -> prepare(BlankId.class)).isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageEndingWith("has no id: id() returned ' '");
  }

  @Test
  void anEngineChecksIdIsReserved() {
    assertThatThrownBy(() -> prepare(ClaimsHang.class)).isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageContaining("names the engine's own check");
  }

  @Test
  void distinctIdsAreFine() {
    prepare(Mine.class);
    assertThat(PropertyCatalog.prepare(List.of(Mine.class.getName()), List.of()).ids()).containsExactly("mine");
  }
}

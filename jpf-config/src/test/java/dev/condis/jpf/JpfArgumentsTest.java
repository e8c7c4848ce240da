package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JpfMain's arguments survive JPF's comma-split target.args. */
class JpfArgumentsTest {

  @Test
  void roundTrip() {
    ScenarioConfig config =
        ScenarioCatalog.get(ScenarioCatalog.MULTIPOINT)
            .config(3, CallManagerKind.MCM, VcOwner.CLIENT,
                FaultSet.of(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE, SeededFault.CLIENT_CLOSES_CALL_TWICE),
                DriverSelection.REFERENCE);
    JpfArguments a = new JpfArguments(config, PropertyCatalog.defaultPropertyClasses(), false, false);
    String args = a.targetArgs();
    assertThat(args).startsWith("scenario=multipoint,parties=3,cm=mcm,vc=client,inject=").contains("events=off").contains("races=off");
    JpfArguments back = JpfArguments.parse(args.split(","));
    // FaultSet has no equals of its own: compare what it holds.
    assertThat(back.config().label()).isEqualTo(config.label());
    assertThat(back.config().faults().asSet()).isEqualTo(config.faults().asSet());
    assertThat(back.config().drivers()).isEqualTo(config.drivers());
    assertThat(back.propertyClasses()).isEqualTo(PropertyCatalog.defaultPropertyClasses());
    assertThat(back.events()).isFalse();
    assertThat(back.races()).isFalse();
  }

  @Test
  void userDriversByNameOnly() {
    ScenarioConfig config =
        ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE)
            .config(0, CallManagerKind.STANDALONE, VcOwner.CALL_MANAGER, FaultSet.none(),
                new DriverSelection(Optional.of("com.example.MyClient"), Optional.empty(), Optional.empty(), List.of()));
    JpfArguments back = JpfArguments.parse(new JpfArguments(config, List.of()).toWords().toArray(new String[0]));
    assertThat(back.config()).isEqualTo(config);
    assertThat(back.propertyClasses()).isEmpty();
    assertThat(back.events()).isTrue();
    assertThat(back.races()).isTrue();
  }

  @Test
  void wordsJpfCannotCarryAreRejected() {
    ScenarioConfig config = ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).defaultConfig(CallManagerKind.STANDALONE);
    assertThatThrownBy(() -> new JpfArguments(config, List.of("a,b")).toWords())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains ',' or ';'");
  }

  @Test
  void badWordsAreRejected() {
    assertThatThrownBy(() -> JpfArguments.parse(new String[] {"scenario=make-close", "colour=red"}))
        .hasMessageContaining("unknown argument 'colour'");
    assertThatThrownBy(() -> JpfArguments.parse(new String[] {"parties=1"})).hasMessageContaining("no scenario=NAME");
    assertThatThrownBy(() -> JpfArguments.parse(new String[] {"scenario=make-close", "cm=x"}))
        .hasMessageContaining("cm must be standalone or mcm");
  }
}

package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.explorer.Split;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sizes file balances a run's shards as a whole: a shard's work is its shares of every
 * instance, so each instance's units are placed from the loads the instances before it left,
 * and only units too large for a shard's share of the whole run are split again.
 */
class UnitSizesTest {
  /** Three instances over four shards, each with one unit of 30 and four of 2 (38 each, 114 in all). */
  private static UnitSizes threeAlike() {
    UnitSizes.Builder b = UnitSizes.builder(24);
    for (String label : List.of("a", "b", "c")) {
      b.addMeasured(label, 4, 5, List.of(Map.of(0L, 30L, 1L, 2L), Map.of(2L, 2L, 3L, 2L), Map.of(4L, 2L), Map.of()),
          Map.of());
    }
    return b.build();
  }

  @Test
  void eachInstanceStartsFromTheLoadsTheInstancesBeforeItLeft() {
    UnitSizes sizes = threeAlike();
    assertThat(sizes.loadsBefore("a", 4)).containsExactly(0, 0, 0, 0);
    assertThat(sizes.loadsBefore("b", 4)).containsExactly(30, 4, 2, 2);
    assertThat(sizes.loadsBefore("c", 4)).containsExactly(30, 8, 32, 6);
    assertThat(sizes.loadsBefore("not listed", 4)).containsExactly(0, 0, 0, 0);
    // The three large units go to three shards; placed each alone, all three went to shard 1.
    long[] owners = new long[3];
    for (int i = 0; i < 3; i++) {
      String label = List.of("a", "b", "c").get(i);
      owners[i] = Split.plan(24, 4, sizes.sizesOf(label).orElseThrow(), sizes.splitAgainOf(label),
          sizes.partSizesOf(label), sizes.loadsBefore(label, 4)).ownerOf(0);
      assertThat(Split.plan(24, 4, sizes.sizesOf(label).orElseThrow()).ownerOf(0)).as(label + " alone").isZero();
    }
    assertThat(owners).containsExactly(0, 2, 3);
  }

  @Test
  void onlyUnitsTooLargeForAShardsShareOfTheWholeRunAreSplitAgain() {
    // 30 is over 1.5 times a shard's share of one instance (14.25 of 38) but not of the run
    // (42.75 of 114): not split again. Alone, the same instance splits it.
    UnitSizes run = threeAlike();
    for (String label : List.of("a", "b", "c")) {
      assertThat(run.splitAgainOf(label)).as(label).isEmpty();
    }
    UnitSizes alone = UnitSizes.builder(24)
        .addMeasured("a", 4, 5, List.of(Map.of(0L, 30L, 1L, 2L), Map.of(2L, 2L, 3L, 2L), Map.of(4L, 2L)), Map.of())
        .build();
    assertThat(alone.splitAgainOf("a")).containsExactly(0);
    // A unit of 100 next to them is over 1.5 times a share of the run (214 / 4 = 53.5).
    UnitSizes.Builder b = UnitSizes.builder(24);
    for (String label : List.of("a", "b", "c")) {
      b.addMeasured(label, 4, 5, List.of(Map.of(0L, 30L, 1L, 2L), Map.of(2L, 2L, 3L, 2L), Map.of(4L, 2L)), Map.of());
    }
    UnitSizes withLarge = b.addMeasured("d", 4, 2, List.of(Map.of(0L, 100L), Map.of(1L, 0L)), Map.of()).build();
    assertThat(withLarge.splitAgainOf("d")).containsExactly(0);
    assertThat(withLarge.splitAgainOf("a")).isEmpty();
    // Sizes given rather than measured keep the units to split again they were given.
    assertThat(UnitSizes.builder(24).add("e", new long[] {1, 1}, new long[] {1}).build().splitAgainOf("e"))
        .containsExactly(1);
  }
}

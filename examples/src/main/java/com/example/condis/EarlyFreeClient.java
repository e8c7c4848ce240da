package com.example.condis;

/**
 * {@link PointToPointClient} with a classic teardown bug: it frees its per-VC context as soon
 * as it decides to delete the VC, before NdisCoDeleteVc, and never reads it again. NDIS still
 * holds that context until the delete returns, so the release itself breaks VC-11.
 */
public class EarlyFreeClient extends PointToPointClient {

  @Override
  protected boolean freesBeforeDelete() {
    return true;
  }
}

package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The NDIS_STATUS values the CoNDIS call lifecycle uses. */
@PublicApi
public enum NdisStatus {
  SUCCESS,
  PENDING,
  FAILURE,
  RESOURCES,
  NOT_SUPPORTED,
  NOT_ACCEPTED,
  INVALID_DATA,
  CLOSING;

  public boolean isSuccess() {
    return this == SUCCESS;
  }

  public boolean isPending() {
    return this == PENDING;
  }

  /** A final status: anything but PENDING. */
  public boolean isFinal() {
    return this != PENDING;
  }
}

package dev.condis.reference.ndis;

/** The NDIS_STATUS values the CoNDIS call lifecycle uses. */
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

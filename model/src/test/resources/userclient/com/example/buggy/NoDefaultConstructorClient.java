package com.example.buggy;

import dev.condis.reference.client.ReferenceClient;

/** Not usable with --client: no public no-arg constructor. */
public class NoDefaultConstructorClient extends ReferenceClient {
  public NoDefaultConstructorClient(int unused) {}
}

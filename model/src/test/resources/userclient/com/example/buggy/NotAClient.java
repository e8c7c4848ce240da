package com.example.buggy;

/** Not usable with --client: does not implement ClientDriver. */
public class NotAClient {
  public NotAClient() {}
}

package com.example.old;

/** A user's client compiled against the API before the DDI became one package (UserClientTest). */
public class OldClient implements dev.condis.reference.driver.ClientDriver {}

package dev.condis.reference.driver;

/** Where ClientDriver was before the DDI became one package: only to compile OldClient against. */
public interface ClientDriver {}

package dev.condis.reference;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the types a user's driver or property may compile against and rely on (PLUGINS.md,
 * "The API"). Everything else in condis-verify is internal and may change without notice,
 * even when Java makes it public (the emulated NDIS's routers, the explorer, the reports).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicApi {}

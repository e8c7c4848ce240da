package dev.condis.model.cli;

import dev.condis.model.report.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Checks output paths before a search starts, so a bad path fails fast as bad input. */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * Makes sure {@code file} can be written (creating its parent directories), without
   * leaving anything behind if it did not exist.
   */
  static Path checkWritableFile(Path file, String option) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new BadInputException(option + " " + file + " is a directory, not a file");
    }
    boolean existed = Files.exists(abs);
    try {
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
      Files.newOutputStream(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
      if (!existed) {
        Files.delete(abs);
      }
    } catch (IOException | SecurityException e) {
      throw new BadInputException("cannot write " + option + " " + file + ": " + describe(e), e);
    }
    return abs;
  }

  /** Makes sure {@code dir} is (or can be made) a writable directory. */
  static Path checkWritableDirectory(Path dir, String option) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs);
      Path probe = Files.createTempFile(abs, ".condis-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new BadInputException("cannot write " + option + " " + dir + ": " + describe(e), e);
    }
    return abs;
  }

  static void write(Path file, String text, String option) {
    try {
      Files.writeString(file, SafeText.wellFormed(text), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot write " + option + " " + file + ": " + describe(e), e);
    }
  }

  static String describe(Exception e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "FileAlreadyExistsException" -> "a file is in the way (" + e.getMessage() + ")";
      case "NoSuchFileException" -> "no such directory (" + e.getMessage() + ")";
      case "AccessDeniedException" -> "permission denied (" + e.getMessage() + ")";
      case "FileSystemException" -> e.getMessage();
      default -> e.getMessage() == null ? kind : e.getMessage();
    };
  }
}

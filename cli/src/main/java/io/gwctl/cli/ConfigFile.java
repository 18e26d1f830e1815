package io.gwctl.cli;

import io.gwctl.model.load.Exclusions;
import io.gwctl.validators.GwctlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The project configuration a command runs with: the {@code --config} file, else {@code .gwctl.yaml} in the current
 * directory when present. {@code validate} takes its rules and suppressions; {@code validate} and {@code gwctl shell}
 * give the loader its {@code ignorePaths} and the file itself to leave unread ({@link #exclusions()}).
 */
public record ConfigFile(Path path, GwctlConfig config) {
    /**
     * Reads the configuration: a {@code --config} file ({@code option} not null) must exist (66 otherwise); the
     * default one is read only when present. An invalid file is a usage error (64): it is how gwctl was asked to
     * run, not the input data.
     */
    public static ConfigFile read(Environment env, String option) {
        Path file = env.fileSystem().getPath(option != null ? option : GwctlConfig.FILE_NAME);
        if (option == null && !Files.isRegularFile(file)) {
            return new ConfigFile(file, GwctlConfig.EMPTY);
        }
        try {
            return new ConfigFile(file, GwctlConfig.load(file));
        } catch (NoSuchFileException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, file + ": configuration file not found");
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, file + ": cannot read configuration file: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new GwctlException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** What the loader leaves unread: hidden entries, this file, and the paths its {@code ignorePaths} match. */
    public Exclusions exclusions() {
        return Exclusions.HIDDEN.withConfig(path, config.ignorePaths());
    }
}

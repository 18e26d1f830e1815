package io.gwctl.model.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the conformance fixture files, which use YAML anchors and aliases (SnakeYAML resolves them). */
final class TranslateFixtures {
    private TranslateFixtures() {
    }

    static JsonNode readYaml(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            Object tree = new Yaml(new LoaderOptions()).load(r);
            return new ObjectMapper().valueToTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parse floor of issue 12 (bench/bench-table.py): one thread reads every .yaml/.yml/.json file under the
 * directory, in sorted order, into Jackson trees, document by document, and keeps none of them. Compiled against
 * gwctl's own jar, so it parses with the same Jackson and SnakeYAML.
 */
public final class Floor {
    public static void main(String[] args) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(Files::isRegularFile).filter(Floor::isManifest).sorted().toList();
        }
        long documents = 0;
        for (Path f : files) {
            try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) {
                    it.next();
                    documents++;
                }
            }
        }
        System.out.println(files.size() + " files, " + documents + " documents");
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}

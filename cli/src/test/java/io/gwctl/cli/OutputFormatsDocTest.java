package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/output-formats.md names exactly the {@code -o} values each command accepts: its {@code Accepted by} lines are
 * compared with the command tree, whose values come from each command's format enum, and every value is really
 * accepted while another is refused with one line naming them.
 */
class OutputFormatsDocTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Pattern ACCEPTED = Pattern.compile("^Accepted by `(gwctl [a-z -]+) -o`: (.*)\\.$",
            Pattern.MULTILINE);

    /** Qualified command name to its documented values, in the order written. */
    private static Map<String, List<String>> documented() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/output-formats.md"), StandardCharsets.UTF_8);
        Map<String, List<String>> out = new TreeMap<>();
        Matcher m = ACCEPTED.matcher(doc);
        while (m.find()) {
            List<String> values = new ArrayList<>();
            for (String v : m.group(2).split(", ")) {
                assertThat(v).as("a value in backquotes: " + m.group()).matches("`[a-z]+`");
                values.add(v.substring(1, v.length() - 1));
            }
            assertThat(out.put(m.group(1), values)).as("documented twice: " + m.group(1)).isNull();
        }
        return out;
    }

    /** Every command of the tree that has -o, to the values picocli completes and lists in help. */
    private static Map<String, List<String>> inTheCommandTree() {
        Map<String, List<String>> out = new TreeMap<>();
        collect(Main.commandLine(new Gwctl().environment()), out);
        return out;
    }

    private static void collect(CommandLine cmd, Map<String, List<String>> out) {
        OptionSpec o = cmd.getCommandSpec().findOption("--output");
        if (o != null) {
            List<String> values = new ArrayList<>();
            o.completionCandidates().forEach(values::add);
            out.put(cmd.getCommandSpec().qualifiedName(), values);
        }
        // Aliases map to the same CommandLine; visit each command once, under its name.
        cmd.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collect(sub, out);
            }
        });
    }

    @Test
    void theDocumentListsExactlyTheValuesEachCommandAccepts() throws IOException {
        Map<String, List<String>> tree = inTheCommandTree();
        assertThat(tree).containsKeys("gwctl validate", "gwctl proxy-config listener", "gwctl proxy-config route",
                "gwctl version");
        assertThat(tree.get("gwctl validate")).containsExactly("text", "json", "yaml", "sarif", "junit", "github");
        assertThat(documented()).isEqualTo(tree);
    }

    @Test
    void everyDocumentedValueIsAcceptedAndAnyOtherRefusedInOneLine() throws IOException {
        for (Map.Entry<String, List<String>> e : documented().entrySet()) {
            List<String> words = new ArrayList<>(List.of(e.getKey().substring("gwctl ".length()).split(" ")));
            words.add("--help");
            for (String value : e.getValue()) {
                List<String> args = new ArrayList<>(words);
                args.addAll(List.of("-o", value.toUpperCase(java.util.Locale.ROOT)));
                assertThat(new Gwctl().run(args.toArray(String[]::new)).exitCode()).as(args.toString())
                        .isEqualTo(ExitCodes.OK);
            }
            List<String> args = new ArrayList<>(words.subList(0, words.size() - 1));
            args.addAll(List.of("-o", "log"));
            Gwctl.Result r = new Gwctl().run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("gwctl: Invalid value for option '--output': 'log' is not one of "
                    + String.join(", ", e.getValue()) + "\nRun '" + e.getKey() + " --help' for usage.\n");
        }
    }
}

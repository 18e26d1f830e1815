package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code proxy-config all}: istioctl's own {@code pc all} golden from a config dump (skipped visibly when
 * {@code ../shared/conformance} is absent), and from manifests the listener and route tables of {@code pc listener}
 * and {@code pc route} with a NAME column in front.
 */
class AllCommandTest {
    private static final Path ALL = Path.of(System.getProperty("gwctl.shared.dir", "../../shared"))
            .resolve("conformance/istioctl-printer/proxyconfig-all");
    private static final String EXAMPLES = Path.of(System.getProperty("gwctl.root.dir", ".."))
            .resolve("testdata/examples").toString();

    private final Gwctl gwctl = new Gwctl();

    @Test
    void configDumpGivesIstioctlsSummary() throws IOException {
        assumeTrue(Files.isDirectory(ALL), "../shared/conformance absent: " + ALL);
        // The golden's VALID CERT column holds from 2023-05-16 (the workload certificate's end) to 2033-05-02 (the
        // root's): the test compares it with the time of the run, as the command does.
        String expected = Files.readString(ALL.resolve("config_dump_summary.txt"), StandardCharsets.UTF_8);
        Gwctl.Result r = gwctl.run("pc", "all", "--config-dump", ALL.resolve("config_dump.json").toString());
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(expected);
        assertThat(r.exitCode()).isZero();

        gwctl.stdin(Files.readString(ALL.resolve("config_dump.json"), StandardCharsets.UTF_8));
        assertThat(gwctl.run("proxy-config", "all", "--config-dump", "-").out()).isEqualTo(expected);
    }

    @Test
    void manifestsGiveTheListenerAndRouteTablesWithTheirKindInFront() {
        Gwctl.Result all = gwctl.run("pc", "all", "-f", EXAMPLES);
        assertThat(all.exitCode()).as(all.toString()).isZero();
        String[] sections = all.out().split("\n\n", -1);
        assertThat(sections).hasSize(2);
        String listeners = gwctl.run("pc", "listener", "-f", EXAMPLES).out();
        String routes = gwctl.run("pc", "route", "-f", EXAMPLES).out();
        assertThat(withoutNameColumn(sections[0] + "\n", "listener/")).isEqualTo(listeners);
        assertThat(withoutRoutePrefix(sections[1])).isEqualTo(routes);
        assertThat(sections[0]).startsWith("NAME                   ADDRESSES PORT  MATCH")
                .contains("\nlistener/0.0.0.0_8080  0.0.0.0   8080  ALL ");
    }

    /** The table without its first column, checking that the column holds NAME, then {@code prefix}es. */
    private static String withoutNameColumn(String table, String prefix) {
        List<String> lines = table.lines().toList();
        int width = lines.get(0).indexOf(lines.get(0).trim().split(" +")[1]);
        assertThat(lines.get(0)).startsWith("NAME ");
        lines.subList(1, lines.size()).forEach(l -> assertThat(l).startsWith(prefix));
        return lines.stream().map(l -> l.substring(width)).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The route table with the {@code route/} before each name taken out, and so six columns fewer of NAME. */
    private static String withoutRoutePrefix(String table) {
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("NAME" + " ".repeat(6));
        lines.subList(1, lines.size()).forEach(l -> assertThat(l).startsWith("route/"));
        return lines.stream().map(l -> l.startsWith("NAME") ? "NAME" + l.substring(10) : l.substring(6))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void aDumpWithManifestsOrAWorkloadIsAUsageError() {
        Gwctl.Result both = gwctl.run("pc", "all", "-f", EXAMPLES, "--config-dump", "d.json");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("gwctl: use either -f (manifests) or --config-dump, not both\n");
        Gwctl.Result workload = gwctl.run("pc", "all", "--config-dump", "d.json", "pod/x.ns");
        assertThat(workload.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(workload.err()).startsWith("gwctl: a workload argument cannot be combined with --config-dump");
    }
}

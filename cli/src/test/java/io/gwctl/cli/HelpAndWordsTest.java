package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help at any depth, help that describes the command it is on, and errors that say what is wrong (issue 11 point 5). */
class HelpAndWordsTest {
    /** The start of an Envoy admin config dump, as istioctl proxy-config -o json and /config_dump give it. */
    private static final String DUMP = """
            {
              "configs": [
                {"@type": "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump", "bootstrap": {}},
                {"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump", "dynamic_listeners": []}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void helpReachesNestedCommands() {
        Gwctl.Result viaHelp = new Gwctl().run("help", "pc", "route");
        Gwctl.Result viaOption = new Gwctl().run("pc", "route", "--help");
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: gwctl proxy-config route").isEqualTo(viaOption.out());
        assertThat(new Gwctl().run("help", "proxy-config", "listener").out())
                .isEqualTo(new Gwctl().run("pc", "listener", "--help").out());
        assertThat(new Gwctl().run("help").out()).isEqualTo(new Gwctl().run("--help").out());
        Gwctl.Result unknown = new Gwctl().run("help", "pc", "cluster");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("gwctl: unknown command 'pc cluster': gwctl pc has listener, route,"
                + " all, diff, trace\n");
    }

    @Test
    void proxyConfigHelpDescribesItsOwnNamespaceOptions() {
        for (String command : new String[] {"listener", "route", "all", "diff", "trace"}) {
            String help = new Gwctl().run("pc", command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command).doesNotContain("validate").contains("-A, --all-namespaces")
                    .contains("changes nothing here").contains("of the workload argument");
        }
        assertThat(new Gwctl().run("validate", "--help").out().replaceAll("\\s+", " ")).contains("the namespace whose findings validate"
                + " reports");
    }

    @Test
    void aWordThatIsNotACommandIsCalledThat() {
        Gwctl.Result r = new Gwctl().run("pc", "cluster");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("gwctl: 'cluster' is not a gwctl proxy-config command (istioctl proxy-config"
                + " cluster has no gwctl equivalent: gwctl computes listeners and routes); the commands are listener,"
                + " route, all, diff, trace\nRun 'gwctl proxy-config --help' for usage.\n");
        Gwctl.Result top = new Gwctl().run("lint");
        assertThat(top.err()).startsWith("gwctl: 'lint' is not a gwctl command; the commands are proxy-config,"
                + " validate, diff, shell, completion, version, help\n");
    }

    @Test
    void aConfigDumpGivenToDashFNamesConfigDump() {
        String dump = Fixtures.write(dir, "config_dump.json", DUMP);
        Gwctl.Result pc = new Gwctl().run("pc", "route", "-f", dump);
        assertThat(pc.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pc.err()).startsWith("gwctl: " + dump + ": an Envoy config dump, not Kubernetes manifests: give it"
                + " with --config-dump " + dump + "\n").doesNotContain("missing kind");
        Gwctl.Result validate = new Gwctl().run("validate", "-f", dump);
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).contains("gwctl proxy-config listener|route --config-dump " + dump + " reads it");
        // A JSON manifest is still read as one.
        String list = Fixtures.write(dir, "list.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}");
        assertThat(new Gwctl().run("validate", "-f", list, "--allow-empty").err()).doesNotContain("config dump");
    }
}

package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.Main;
import io.gwctl.cli.source.FileSnapshotSource;
import io.gwctl.model.load.LoadOptions;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion in gwctl shell: given a line and the cursor at its end, the candidates JLine is offered. */
class ShellCompleterTest {
    @TempDir
    Path dir;
    private ShellCompleter completer;

    @BeforeEach
    void load() {
        Fixtures.write(dir, "gw/gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.GATEWAY_HTTPS + "---\n"
                + Fixtures.VS_TEST_GW + "---\n" + Fixtures.INGRESS + "---\n"
                + Fixtures.deployment("internal-gateway", "internal"));
        LoadOptions options = new LoadOptions("default", FileSystems.getDefault(), () -> null,
                LoadOptions.DEFAULT_MAX_FILE_BYTES);
        LoadedInputs loaded = new LoadedInputs(
                () -> new FileSnapshotSource(List.of(dir.resolve("gw").toString()), options).load());
        completer = new ShellCompleter(Main.commandLine(new Gwctl().environment(), loaded).getCommandSpec(), loaded,
                FileSystems.getDefault());
    }

    /** What JLine gets for {@code line} with the cursor at its end. */
    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void commandsAndSubcommands() {
        assertThat(complete("")).contains("proxy-config", "pc", "validate", "completion", "help");
        assertThat(complete("va")).containsExactly("validate");
        assertThat(complete("pc r")).contains("route", "routes", "r").doesNotContain("listener");
    }

    @Test
    void optionsAndEnumValues() {
        assertThat(complete("pc route --verb")).containsExactly("--verbose");
        assertThat(complete("validate --failure-threshold ")).contains("Error", "Warning", "Info");
    }

    @Test
    void gatewayWorkloadsNamespacesRouteNamesAndPortsFromTheLoadedInputs() {
        assertThat(complete("pc route ")).contains("deploy/istio-ingressgateway.istio-system",
                "deploy/internal-gateway.internal");
        assertThat(complete("pc route deploy/int")).containsExactly("deploy/internal-gateway.internal");
        assertThat(complete("validate -n ")).containsExactly("default", "internal", "istio-system");
        assertThat(complete("pc route --name ")).contains("http.8080")
                .anyMatch(n -> n.startsWith("https.443."));
        assertThat(complete("pc listener --port ")).contains("8080", "8443");
    }

    @Test
    void gatewaysAndVirtualServicesAfterTheCodeOfASuppression() {
        assertThat(complete("validate -S ")).isEmpty();
        assertThat(complete("validate -S 'GW0403=")).containsExactly("GW0403=Gateway default/test-gw",
                "GW0403=Gateway default/test-istio-gateway", "GW0403=VirtualService default/test-gw");
        assertThat(complete("validate --suppress \"IST0132=Virtual")).containsExactly(
                "IST0132=VirtualService default/test-gw");
        assertThat(complete("validate -S 'GW0301=Gateway default/test-i"))
                .containsExactly("GW0301=Gateway default/test-istio-gateway");
    }

    @Test
    void filesAfterFileOptions() {
        String prefix = dir + "/g";
        assertThat(complete("pc route -f " + prefix)).containsExactly(dir + "/gw/");
        assertThat(complete("pc route -f " + dir + "/gw/")).containsExactly(dir + "/gw/gw.yaml");
    }
}

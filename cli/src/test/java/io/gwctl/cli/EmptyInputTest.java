package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An input with nothing gwctl reads (an empty directory, a failed {@code helm template} piped in, only Gateway API
 * objects) must not pass a CI gate as "no issues": exit 65 and say what was seen; {@code --allow-empty} exits 0.
 */
class EmptyInputTest {
    @TempDir
    Path dir;

    private static final String GATEWAY_API = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: a, namespace: default}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: b, namespace: default}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, namespace: default}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"validate", "pc route", "pc listener"})
    void anEmptyDirectoryExits65(String command) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Gwctl.Result r = new Gwctl().run(args(command, "-f", empty.toString()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: no resources in the input that gwctl reads: 0 files read, no documents"
                + " in them (--allow-empty exits 0 for inputs that may be empty)\n");
    }

    @Test
    void emptyStandardInputExits65() {
        Gwctl.Result r = new Gwctl().stdin("").run("validate", "-f", "-");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.err()).startsWith("gwctl: no resources in the input that gwctl reads: 1 file read, no documents");
    }

    @Test
    void onlyKindsGwctlDoesNotReadAreNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("gateway-api.yaml"), GATEWAY_API);
        Gwctl.Result r = new Gwctl().run("validate", "-f", f.toString(), "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: no resources in the input that gwctl reads: 1 file read, 4 objects of"
                + " kinds gwctl does not read: ConfigMap, Gateway (gateway.networking.k8s.io),"
                + " HTTPRoute (gateway.networking.k8s.io) \u00d72 (--allow-empty exits 0 for inputs that may be"
                + " empty)\n");
    }

    @Test
    void allowEmptyExits0() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Gwctl.Result r = new Gwctl().run("validate", "-f", empty.toString(), "--allow-empty");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("\u2714 No validation issues found in 0 resources.\n");
        Gwctl.Result route = new Gwctl().run("pc", "route", "-f", empty.toString(), "--allow-empty");
        assertThat(route.exitCode()).as(route.toString()).isZero();
    }

    private static String[] args(String command, String... more) {
        String[] words = command.split(" ");
        String[] all = new String[words.length + more.length];
        System.arraycopy(words, 0, all, 0, words.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return all;
    }
}

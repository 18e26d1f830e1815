package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box checks over bad input (issue 9, items 2 and 5): no value under a Secret's {@code data} or
 * {@code stringData} reaches any output, in any format, and every problem and finding stays on its line, whatever
 * control characters the file names, resource names and values carry. Each of those problems is also reported, as a
 * GW0001 finding at its file and line, in every format (issue 9 item 6).
 */
class BadInputOutputTest {
    /** Placed in the Secret data of every fixture below; must never be printed. */
    static final String MARKER = "SECRETMARKER7f3a";
    private static final List<String> FORMATS = List.of("text", "json", "yaml", "sarif", "junit", "github");

    /** The fixtures that are valid resources: their PEM blocks are wrong, which GW0102 reports, not the loader. */
    private static final Set<String> VALID_RESOURCES = Set.of("pem-label-cert.yaml", "pem-label-key.yaml");

    @TempDir
    Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(String name, String body) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: istio-system\n"
                + "type: kubernetes.io/tls\n" + body;
    }

    /** Every way a Secret's data can be wrong; each carries the marker in its data. */
    static Map<String, String> secretFixtures() {
        String pem = "-----BEGIN " + MARKER + "-----\nAAAA\n-----END " + MARKER + "-----\n";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("data-string.yaml", secret("test-cert", "data: \"cGFzc3dvcmQ6" + MARKER + "\"\n"));
        f.put("stringdata-string.yaml", secret("test-cert", "stringData: \"password: " + MARKER + "\"\n"));
        f.put("data-block.yaml", secret("test-cert", "data: |\n  cGFzc3dvcmQ6" + MARKER + "\n  more\n"));
        f.put("stringdata-block.yaml", secret("test-cert", "stringData: >\n  " + MARKER + "\n"));
        f.put("data-list.yaml", secret("test-cert", "data:\n- " + MARKER + "\n"));
        f.put("data-not-base64.yaml", secret("test-cert", "data:\n  tls.crt: \"" + MARKER + "!!\"\n"));
        f.put("data-binary-tag.yaml", secret("test-cert", "data:\n  tls.crt: !!binary \"" + MARKER + "%%\"\n"));
        f.put("stringdata-not-string.yaml", secret("test-cert", "stringData:\n  tls.crt: [" + MARKER + "]\n"));
        f.put("stringdata-map.yaml", secret("test-cert", "stringData:\n  tls.crt: {a: " + MARKER + "}\n"));
        f.put("data-duplicate.yaml", secret("test-cert", "data:\n  tls.crt: " + MARKER + "\n  tls.crt: "
                + MARKER + "\n"));
        f.put("data-syntax.yaml", secret("test-cert", "data:\n  tls.crt: \"" + MARKER + "\n"));
        f.put("data-mapping-value.yaml", secret("test-cert", "data:\n  tls.crt: " + MARKER + ": x\n"));
        f.put("data-deep.yaml", secret("test-cert", "data:\n  tls.crt: " + "[".repeat(120) + MARKER
                + "]".repeat(120) + "\n"));
        f.put("data-tag-handle.yaml", secret("test-cert", "data:\n  tls.crt: !" + MARKER + "!x y\n"));
        f.put("data-escape.yaml", secret("test-cert", "data:\n  tls.crt: \"\\x" + MARKER + "\"\n"));
        f.put("data-anchor.yaml", secret("test-cert", "data:\n  tls.crt: *" + MARKER + "\n"));
        f.put("data-control.yaml", secret("test-cert", "data:\n  tls.crt: \"" + MARKER + "\u0007\"\n"));
        f.put("data-tab.yaml", secret("test-cert", "data:\n  tls.crt: \"" + MARKER + "\"\n\ttls.key: x\n"));
        f.put("pem-label-cert.yaml", secret("test-cert", "data:\n  tls.crt: " + b64(pem) + "\n  tls.key: "
                + b64(pem) + "\n"));
        f.put("pem-label-key.yaml", secret("test-cert", "stringData:\n  tls.crt: |\n    " + pem.replace("\n",
                "\n    ") + "\n  tls.key: |\n    -----BEGIN " + MARKER + " PRIVATE KEY-----\n    AAAA\n    -----END "
                + MARKER + " PRIVATE KEY-----\n"));
        f.put("json-token.json", "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"test-cert\","
                + " \"namespace\": \"istio-system\"}, \"data\": {\"tls.key\": " + MARKER + "abcdefgh}}");
        f.put("json-string.json", "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"test-cert\","
                + " \"namespace\": \"istio-system\"}, \"data\": \"" + MARKER + "\"}");
        f.put("json-unterminated.json", "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"tls.key\": \""
                + MARKER);
        f.put("list-item.yaml", "apiVersion: v1\nkind: List\nitems:\n- " + secret("test-cert", "data: \"" + MARKER
                + "\"\n").replace("\n", "\n  "));
        return f;
    }

    @Test
    void noSecretDataInAnyMessageOfAnyFormat() {
        String base = Fixtures.write(dir, "base/gateway.yaml", Fixtures.GATEWAY_HTTPS + "---\n" + Fixtures.INGRESS);
        List<String> leaks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int runs = 0;
        for (Map.Entry<String, String> e : secretFixtures().entrySet()) {
            String file = Fixtures.write(dir, "bad/" + e.getKey(), e.getValue());
            for (String format : FORMATS) {
                Gwctl.Result r = new Gwctl().run("validate", "-f", base, "-f", file, "-o", format);
                runs++;
                if ((r.out() + r.err()).contains(MARKER)) {
                    leaks.add(e.getKey() + " -o " + format + ":\n" + r);
                }
                reported(e.getKey(), format, file, r, missing);
            }
            for (String[] args : List.of(new String[] {"validate", "-v"}, new String[] {"pc", "route"},
                    new String[] {"pc", "listener"})) {
                List<String> all = new ArrayList<>(List.of(args));
                all.addAll(List.of("-f", base, "-f", file));
                Gwctl.Result r = new Gwctl().run(all.toArray(String[]::new));
                runs++;
                if ((r.out() + r.err()).contains(MARKER)) {
                    leaks.add(e.getKey() + " " + String.join(" ", args) + ":\n" + r);
                }
            }
        }
        assertThat(runs).isGreaterThan(100);
        assertThat(leaks).isEmpty();
        assertThat(missing).isEmpty();
    }

    /**
     * Adds to {@code missing} what the run of fixture {@code name} fails to report: each fixture is a load problem
     * (exit 65, a {@code gwctl: FILE:LINE:COL:} line), which every format must carry as a GW0001 finding at that file
     * and line, in a SARIF log and a JUnit report that still validate against their schemas.
     */
    private static void reported(String name, String format, String file, Gwctl.Result r, List<String> missing) {
        String run = name + " -o " + format + ": ";
        if (VALID_RESOURCES.contains(name)) {
            if (r.exitCode() != ExitCodes.FINDINGS || !r.err().isEmpty() || r.out().contains("GW0001")) {
                missing.add(run + "loads, so its problem is a rule's finding, not an input problem\n" + r);
            }
            return;
        }
        List<String> printed = ReportedInputProblems.onStderr(r.err());
        if (r.exitCode() != ExitCodes.DATA_ERROR || printed.isEmpty() || !printed.stream().allMatch(
                p -> p.startsWith(file + ":"))) {
            missing.add(run + "not one load problem in " + file + ", exit " + r.exitCode() + "\n" + r);
            return;
        }
        List<String> reported = ReportedInputProblems.inReport(format, r);
        if (!reported.equals(printed)) {
            missing.add(run + "stderr says " + printed + ", the report " + reported + "\n" + r);
        }
        if (format.equals("text") && !r.out().contains("(" + printed.size() + " input problem")) {
            missing.add(run + "the summary does not count " + printed.size() + " input problem(s)\n" + r);
        }
        List<String> invalid = switch (format) {
            case "sarif" -> OutputSchemas.sarifErrors(r.out());
            case "junit" -> OutputSchemas.junitErrors(r.out());
            default -> List.of();
        };
        if (!invalid.isEmpty()) {
            missing.add(run + "not a valid report: " + invalid + "\n" + r);
        }
    }

    @Test
    void stringWhereSecretDataBelongsNamesTheFieldButNotTheValue() {
        String file = Fixtures.write(dir, "s.yaml", secret("s", "data: \"cGFzc3dvcmQ6" + MARKER + "\"\n"));
        Gwctl.Result r = new Gwctl().run("validate", "-f", file);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.err()).startsWith("gwctl: " + file + ":7:7: data: expected an object, got a string\n");
    }

    @Test
    void controlCharactersInFileAndResourceNamesAreEscapedOnEveryLine() {
        String file = Fixtures.write(dir, "evil\nname\u001b[31m.yaml", "apiVersion: v1\nkind: Service\n"
                + "metadata:\n  name: \"web\\e[2J\\nforged\"\nspec:\n  ports:\n  - port: eighty\n");
        String gw = Fixtures.write(dir, "gw.yaml", "apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                + "metadata:\n  name: \"gw\\e]0;title\\a\\nError [GW0000] forged\"\n  namespace: default\nspec:\n"
                + "  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 7070, name: http, protocol: HTTP}\n"
                + "    hosts: [\"a\\nb.example.com\"]\n---\n" + Fixtures.INGRESS);
        Gwctl.Result r = new Gwctl().run("validate", "-f", file, "-f", gw);

        assertThat(r.err()).contains("evil\\nname\\x1b[31m.yaml:7:11: spec.ports[0].port: expected an integer");
        for (String line : (r.out() + r.err()).split("\n")) {
            assertThat(line).doesNotContain("\u001b", "\u0007").satisfiesAnyOf(
                    l -> assertThat(l).startsWith("gwctl: "), l -> assertThat(l).matches("^(Error|Warning|Info) .*"),
                    l -> assertThat(l).startsWith("    hint: "), l -> assertThat(l).matches("^\\d+ error.*|^\\u2714.*"));
        }
        assertThat(r.out()).contains("gw\\x1b]0;title\\x07 Error [GW0000] forged");

        String vs = Fixtures.write(dir, "vs.yaml", Fixtures.GATEWAY_HTTP.replace("- test.io", "- \"*\"")
                + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: \"v\\e[2J\"\n"
                + "  namespace: default\nspec:\n  hosts: [\"x\\e[2Jy.example.com\"]\n  gateways: [test-gw]\n"
                + "  http:\n  - route:\n    - destination: {host: web}\n---\n" + Fixtures.INGRESS);
        Gwctl.Result routes = new Gwctl().run("pc", "route", "-f", vs);
        assertThat(routes.out()).doesNotContain("\u001b").contains("x\\x1b[2jy.example.com", "v\\x1b[2J.default");
    }
}

package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline workflow of issue 13 through the gwctl entry point, on a copy of the example repository
 * ({@code testdata/examples/}, whose 8 findings include 4 errors): a baseline is written, the run then passes, lines
 * that move and a file that is renamed change nothing, and a Gateway that adds a duplicate host (GW0301) fails the
 * run with only the findings it adds.
 */
class BaselineWorkflowTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLES = ROOT.resolve("testdata/examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A second team's Gateway claiming test.io on 443, which the test-io team's Gateway already serves. */
    private static final String PROMO = Fixtures.GATEWAY_HTTPS
            .replace("name: test-istio-gateway\n  namespace: default", "name: promo-gateway\n  namespace: promo")
            .replace("- \"*\"", "- test.io").replace("credentialName: test-cert", "credentialName: test-io-cert");

    @TempDir
    Path repo;
    private Path manifests;
    private String baseline;
    private final Gwctl gwctl = new Gwctl();

    @BeforeEach
    void copyExamples() throws IOException {
        manifests = repo.resolve("manifests");
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path p : files.toList()) {
                Path to = manifests.resolve(EXAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        baseline = repo.resolve("gwctl-baseline.json").toString();
    }

    private Gwctl.Result validate(String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "-f", manifests.toString()));
        args.addAll(List.of(more));
        return gwctl.run(args.toArray(String[]::new));
    }

    private Gwctl.Result writeBaseline() {
        Gwctl.Result r = validate("--write-baseline", baseline);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        return r;
    }

    private void addPromoGateway() throws IOException {
        assertThat(PROMO).contains("name: promo-gateway", "namespace: promo", "- test.io", "test-io-cert");
        Files.writeString(manifests.resolve("test-io/promo.yaml"), PROMO);
    }

    @Test
    void theBaselineHoldsEveryFindingAndMakesTheUnchangedRepositoryPass() throws IOException {
        Gwctl.Result first = writeBaseline();
        JsonNode doc = JSON.readTree(Files.readString(Path.of(baseline)));
        assertThat(doc.get("findings")).hasSize(8);
        // Written whatever the output threshold: the exit code counts the hidden findings too.
        Files.delete(Path.of(baseline));
        validate("--write-baseline", baseline, "--output-threshold", "Error");
        assertThat(JSON.readTree(Files.readString(Path.of(baseline))).get("findings")).hasSize(8);
        assertThat(first.out()).startsWith("Error [GW0101/IST0101] (Gateway payments/payments-gateway");

        Gwctl.Result r = validate("--baseline", baseline);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("\u2714 No new validation issues found in 30 resources (8 existing in the"
                + " baseline hidden; --show-baseline shows them).\n");
        assertThat(r.err()).isEmpty();

        Gwctl.Result shown = validate("--baseline", baseline, "--show-baseline");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out().lines().filter(l -> l.contains(" [existing] ")).count()).isEqualTo(8);
        assertThat(shown.out()).endsWith("4 errors, 2 warnings, 2 info in 30 resources (8 of them existing in the"
                + " baseline)\n");
    }

    /**
     * The README's baseline ({@code testdata/baseline/examples.json}) is what {@code --write-baseline} writes for the
     * examples today, paths relative to the repository as the README runs it ({@code -Dgwctl.update-golden=true}
     * rewrites it).
     */
    @Test
    void theReadmeBaselineIsCurrent() throws IOException {
        Path file = repo.resolve("examples.json");
        Gwctl.Result r = gwctl.run("validate", "-f", EXAMPLES + "/", "--write-baseline", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        GoldenFiles.compare(ROOT, ROOT.resolve("testdata/baseline/examples.json"),
                Files.readString(file).replace(ROOT + "/", ""));
    }

    @Test
    void anEarlierJsonOutputIsABaselineToo() throws IOException {
        Gwctl.Result json = validate("-o", "json");
        Files.writeString(Path.of(baseline), json.out());
        assertThat(validate("--baseline", baseline).exitCode()).isZero();
    }

    @Test
    void movedLinesAndARenamedFileKeepFindingsExisting() throws IOException {
        writeBaseline();
        Path shop = manifests.resolve("multi-team/team-shop.yaml");
        Files.writeString(shop, "# moved down by this comment\n# and this one\n" + Files.readString(shop));
        Files.move(manifests.resolve("missing-secret/payments.yaml"),
                manifests.resolve("missing-secret/payments-gateway.yaml"));
        Gwctl.Result plain = validate();
        assertThat(plain.out()).contains("team-shop.yaml:19)").contains("payments-gateway.yaml:20)");
        Gwctl.Result r = validate("--baseline", baseline);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("8 existing in the baseline hidden");
    }

    @Test
    void aNewDuplicateHostIsTheOnlyThingThatFailsTheRun() throws IOException {
        writeBaseline();
        addPromoGateway();
        Gwctl.Result r = validate("--baseline", baseline);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        List<String> errors = r.out().lines().filter(l -> l.startsWith("Error ")).toList();
        assertThat(errors).hasSize(2).allMatch(l -> l.startsWith("Error [GW0301/KIA0301/IST0145] (Gateway ")
                && l.contains("TLS host test.io on port 443"));
        assertThat(errors.get(0)).contains("default/test-gateway");
        assertThat(errors.get(1)).contains("promo/promo-gateway");
        assertThat(r.out()).doesNotContain("payments-gateway").doesNotContain("metrics-gateway")
                .contains("(8 existing in the baseline hidden; --show-baseline shows them)");

        // Without the new Gateway, even Info fails nothing: existing findings never count, whatever their level.
        Files.delete(manifests.resolve("test-io/promo.yaml"));
        assertThat(validate("--baseline", baseline, "--failure-threshold", "Info").exitCode()).isZero();
    }

    @Test
    void everyFormatAgreesOnWhatIsNew() throws IOException {
        writeBaseline();
        addPromoGateway();
        Gwctl.Result sarif = validate("--baseline", baseline, "-o", "sarif");
        assertThat(sarif.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(OutputSchemas.sarifErrors(sarif.out())).isEmpty();
        List<String> fresh = new ArrayList<>();
        int unchanged = 0;
        for (JsonNode result : JSON.readTree(sarif.out()).get("runs").get(0).get("results")) {
            String state = result.get("baselineState").asText();
            if (state.equals("new")) {
                fresh.add(result.get("ruleId").asText() + " "
                        + result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName")
                        .asText());
            } else {
                assertThat(state).isEqualTo("unchanged");
                unchanged++;
            }
        }
        assertThat(unchanged).isEqualTo(8);
        // The two sides of the duplicate, the certificate the two Gateways now share (reported on test-gateway: with
        // no creation times istiod orders by name, so promo-gateway comes first), the host nothing binds.
        assertThat(fresh).containsExactly("GW0301 Gateway default/test-gateway", "GW0301 Gateway promo/promo-gateway",
                "GW0110 Gateway default/test-gateway", "GW0404 Gateway promo/promo-gateway");

        JsonNode json = JSON.readTree(validate("--baseline", baseline, "-o", "json").out());
        assertThat(json.get("summary").get("baseline").get("new").asInt()).isEqualTo(4);
        assertThat(json.get("summary").get("baseline").get("existing").asInt()).isEqualTo(8);

        Gwctl.Result junit = validate("--baseline", baseline, "-o", "junit");
        assertThat(OutputSchemas.junitErrors(junit.out())).isEmpty();
        assertThat(junit.out()).contains("<testsuites name=\"gwctl validate\"").contains("failures=\"2\"");

        Gwctl.Result github = validate("--baseline", baseline, "-o", "github");
        assertThat(github.out().lines().filter(l -> l.startsWith("::error ")).count()).isEqualTo(2);
        assertThat(github.out()).doesNotContain("payments-gateway");
        assertThat(github.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aBaselineFileThatCannotBeUsedIsOneLine() throws IOException {
        Path file = Path.of(baseline);
        Gwctl.Result missing = validate("--baseline", baseline);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(missing.err()).isEqualTo("gwctl: " + baseline + ": baseline file not found\n");
        assertThat(missing.out()).isEmpty();

        Files.writeString(file, "Error [GW0101] (Gateway a/b) text output, not JSON\n");
        Gwctl.Result text = validate("--baseline", baseline);
        assertThat(text.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(text.err()).startsWith("gwctl: " + baseline + ": not a gwctl baseline: invalid JSON at line 1")
                .hasLineCount(1);

        for (String shape : List.of("[]", "{\"runs\": []}", "{\"findings\": [{\"code\": \"GW0101\"}]}",
                "{\"findings\": [{\"code\": \"GW0101\", \"severity\": \"fatal\", \"message\": \"m\"}]}",
                "{\"findings\": [{\"code\": \"GW0101\", \"severity\": \"Error\", \"message\": \"m\","
                        + " \"resource\": \"Gateway a/b\"}]}")) {
            Files.writeString(file, shape);
            Gwctl.Result r = validate("--baseline", baseline);
            assertThat(r.exitCode()).as(shape).isEqualTo(ExitCodes.DATA_ERROR);
            assertThat(r.err()).as(shape).startsWith("gwctl: " + baseline + ": not a gwctl baseline: ")
                    .hasLineCount(1).doesNotContain("Exception");
        }
        Gwctl.Result usage = validate("--baseline-ref", "HEAD");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).startsWith("gwctl: --baseline-ref needs --baseline FILE");
    }

    @Test
    void aBaselineIsReadFromAGitRevision() throws IOException, InterruptedException {
        git("init", "-q");
        writeBaseline();
        git("add", "gwctl-baseline.json");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "baseline");
        // The work tree's baseline changes (here: emptied); the committed one still covers the 8 findings.
        Files.writeString(Path.of(baseline), "{\"findings\": []}");
        addPromoGateway();
        Gwctl.Result r = validate("--baseline", baseline, "--baseline-ref", "HEAD");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("(8 existing in the baseline hidden");
        Files.delete(manifests.resolve("test-io/promo.yaml"));
        assertThat(validate("--baseline", baseline, "--baseline-ref", "HEAD").exitCode()).isZero();

        Gwctl.Result badRef = validate("--baseline", baseline, "--baseline-ref", "no-such-branch");
        assertThat(badRef.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(badRef.err()).startsWith("gwctl: no-such-branch:" + baseline + ": git show failed: ")
                .hasLineCount(1);
        Gwctl.Result notCommitted = validate("--baseline", repo.resolve("other.json").toString(), "--baseline-ref",
                "HEAD");
        assertThat(notCommitted.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(notCommitted.err()).contains("git show failed").hasLineCount(1);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException("git " + String.join(" ", args) + ": " + out));
        }
    }
}

package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.validators.Rule;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import io.gwctl.validators.tls.TlsTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads TLS rule fixtures and runs rules on them at a chosen instant, for the GW01xx rule tests. */
final class TlsRuleSupport {
    /** Before every "expired" and after every "valid" window of testdata/tls (see generate.sh). */
    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([A-Z0-9, ]+)");

    private TlsRuleSupport() {
    }

    static Path fixtureDir(String code) {
        return TlsTestData.root().resolve("testdata/rules").resolve(code);
    }

    /** Loads files or directories; fails the test on any load problem. */
    static Snapshot load(Path... paths) {
        List<String> names = Stream.of(paths).map(Path::toString).toList();
        LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(names);
        assertThat(r.problems()).as("load problems").isEmpty();
        return r.snapshot();
    }

    static Snapshot loadString(String yaml) {
        LoadResult r = new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "test.yaml");
        assertThat(r.problems()).as("load problems").isEmpty();
        return r.snapshot();
    }

    /** A Gateway document selecting {@code istio=ingressgateway} with one SIMPLE HTTPS server on 443. */
    static String tlsGateway(String name, String namespace, String host, String credentialName) {
        return String.format("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["%s"]
                    tls: {mode: SIMPLE, credentialName: %s}
                ---
                """, name, namespace, host, credentialName);
    }

    static ValidationResult run(Snapshot s, Instant now, Rule... rules) {
        return Validator.run(s, ValidateOptions.defaults().withNow(now), List.of(rules));
    }

    /** The findings of {@code code}. */
    static List<Finding> findings(ValidationResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** {@code file-name:line} of every finding of {@code code}, sorted. */
    static TreeSet<String> lines(ValidationResult r, String code) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : findings(r, code)) {
            out.add(Path.of(f.location().file()).getFileName() + ":" + f.location().line());
        }
        return out;
    }

    /** {@code file-name:line} of every {@code # expect:} marker naming {@code code} in the YAML files of {@code dir}. */
    static TreeSet<String> markers(Path dir, String code) {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find()) {
                        for (String c : m.group(1).split(",")) {
                            if (c.strip().equals(code)) {
                                out.add(f.getFileName() + ":" + (i + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Messages of the findings of {@code code}, in order. */
    static List<String> messages(ValidationResult r, String code) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings(r, code)) {
            out.add(f.message());
        }
        return out;
    }
}

package io.gwctl.renderers.findings;

import io.gwctl.model.Kind;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Baseline;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.util.List;
import java.util.Set;

/** Hand-built reports the golden tests render: every shape of finding a renderer must handle. */
final class SampleReports {
    static final RuleInfo GW0101 = new RuleInfo("GW0101", "credential-secret-missing", Severity.ERROR,
            "The credentialName secret is not in the gateway workload's namespace", List.of("IST0101"),
            Set.of(Kind.GATEWAY, Kind.SECRET));
    static final RuleInfo GW0301 = new RuleInfo("GW0301", "duplicate-host-port", Severity.ERROR,
            "Two Gateways serve the same host on the same port of one workload", List.of("KIA0301", "IST0145"),
            Set.of(Kind.GATEWAY));
    static final RuleInfo GW0403 = new RuleInfo("GW0403", "vs-host-not-on-gateway", Severity.WARNING,
            "A VirtualService host is not served by the Gateway it binds to", List.of("IST0132"),
            Set.of(Kind.GATEWAY, Kind.VIRTUAL_SERVICE));
    static final RuleInfo GW0501 = new RuleInfo("GW0501", "duplicate-port-name", Severity.ERROR,
            "Two servers of one Gateway use the same port name", List.of("IST0106"), Set.of(Kind.GATEWAY));

    /** A secret missing, from a file with a column and a field. */
    static final Finding SECRET_MISSING = new Finding("GW0101", Severity.ERROR, List.of("IST0101"),
            new ResourceRef("Gateway", "default", "test-gateway"),
            new Location("testdata/x.yaml", 14, 7, "/spec/servers/0/tls/credentialName"),
            "Referenced credentialName not found: \"test-cred\"",
            "create Secret test-cred in namespace istio-system, where the gateway workload runs");
    /** From a live cluster: no file, no line. */
    static final Finding CLUSTER_HOST = new Finding("GW0403", Severity.WARNING, List.of("IST0132"),
            new ResourceRef("VirtualService", "shop", "web"), Location.NONE,
            "one or more host [a.com] defined in VirtualService shop/web not found in Gateway istio-system/gw.", "");
    /** Characters every format must escape: XML, JSON, GitHub's %, :, , and line breaks, and non-ASCII. */
    static final Finding SPECIAL = new Finding("GW0301", Severity.ERROR, List.of("KIA0301", "IST0145"),
            new ResourceRef("Gateway", "team-ä", "gw<&>\"2\""),
            new Location("testdata/dir, with: odd%chars/gw.yaml", 3, 0, ""),
            "host \"a&b<c>.example.com\" on port 443 is 100% also served by Gateway team-ä/gw1: café, ünïcödé ✓",
            "give each host:port to one Gateway,\nor merge the servers");
    /** The engine's check-skipped rule, listed among the rules that ran when a check was skipped. */
    static final RuleInfo GW0002 = new RuleInfo("GW0002", "check-skipped", Severity.INFO,
            "A check was skipped because the input lacks the resources it needs.", List.of(), Set.of());
    /** A skipped check, as the engine reports it: on the pseudo resource {@code Rule <code>}, no location. */
    static final Finding SKIPPED = new Finding("GW0002", Severity.INFO, List.of(), new ResourceRef("Rule", "", "GW0105"),
            Location.NONE, "check GW0105 mutual-tls-ca-missing skipped: no Secrets in the input", "");
    /** A finding on no resource at all, with a code that is not among the report's rules. */
    static final Finding NO_RESOURCE = new Finding("GW0000", Severity.ERROR, List.of(), null, null,
            "internal error in rule GW0999: java.lang.IllegalStateException: boom", "");

    /** An input problem where no object could be named: on the pseudo resource {@code File <name>}. */
    static final Finding MALFORMED = new Finding("GW0001", Severity.ERROR, List.of(),
            new ResourceRef("File", "", "testdata/bad.yaml"), new Location("testdata/bad.yaml", 6, 1, ""),
            "while parsing a flow sequence: expected ',' or ']', but got <stream end>", "");
    /** An input problem in an object whose kind and name were read. */
    static final Finding INVALID_PORT = new Finding("GW0001", Severity.ERROR, List.of(),
            new ResourceRef("Gateway", "shop", "web"), new Location("testdata/gw.yaml", 10, 20, ""),
            "spec.servers[0].port.number: expected an integer, got \"eighty\"", "");

    private SampleReports() {
    }

    /** Two input problems (GW0001) beside a rule's finding; the summary counts all three. */
    static ValidationReport inputProblems() {
        return new ValidationReport(List.of(SECRET_MISSING, INVALID_PORT, MALFORMED), List.of(GW0101), List.of(),
                new ValidationReport.Summary(3, 0, 0, 0, 0, 4), List.of("testdata/"));
    }

    /** Findings deliberately out of order: renderers sort them. */
    static ValidationReport mixed() {
        return new ValidationReport(List.of(SKIPPED, CLUSTER_HOST, SPECIAL, SECRET_MISSING),
                List.of(GW0002, GW0101, GW0301, GW0403, GW0501),
                List.of("no gateway workload in the input: assumed Istio's default ingress gateway "
                        + "istio-system/istio-ingressgateway (Service ports 15021, 80\u21928080, 443\u21928443)"),
                new ValidationReport.Summary(2, 1, 1, 2, 0, 12), List.of("testdata/"));
    }

    /**
     * {@link #mixed} compared with a baseline that holds the missing secret (at another line: it moved) and the
     * cluster host, and a finding that is gone; with {@code hide}, the existing findings left out as in text output.
     */
    static ValidationReport againstBaseline(boolean hide) {
        Finding moved = new Finding(SECRET_MISSING.code(), SECRET_MISSING.severity(), SECRET_MISSING.aliases(),
                SECRET_MISSING.resource(), new Location("testdata/x.yaml", 99, 7, ""), SECRET_MISSING.message(), "");
        Finding gone = new Finding("GW0501", Severity.ERROR, List.of("IST0106"), new ResourceRef("Gateway", "shop",
                "old"), new Location("testdata/old.yaml", 5, 3, ""), "port name http is used twice", "");
        ValidationReport mixed = mixed();
        return mixed.withBaseline(new Baseline(List.of(moved, CLUSTER_HOST, gone)).compare(mixed.findings()), hide);
    }

    /** Just the finding on no resource. */
    static ValidationReport noResource() {
        return new ValidationReport(List.of(NO_RESOURCE), List.of(GW0101), List.of(),
                new ValidationReport.Summary(1, 0, 0, 0, 0, 1), List.of());
    }

    /** Nothing found. */
    static ValidationReport clean() {
        return new ValidationReport(List.of(), List.of(GW0101, GW0501), List.of(),
                new ValidationReport.Summary(0, 0, 0, 0, 0, 3), List.of("testdata/"));
    }
}

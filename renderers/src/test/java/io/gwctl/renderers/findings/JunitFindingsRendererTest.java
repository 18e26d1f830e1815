package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitFindingsRendererTest {
    private static String junit(ValidationReport r) {
        return Golden.render(FindingsFormat.JUNIT, r, RenderOptions.plain());
    }

    /** Reads the {@code <system-out>} texts of the test cases. */
    private static final class OutputXml {
        static List<String> systemOutOfCases(Document doc) {
            NodeList cases = doc.getElementsByTagName("testcase");
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                NodeList s = ((Element) cases.item(i)).getElementsByTagName("system-out");
                if (s.getLength() > 0) {
                    out.add(s.item(0).getTextContent());
                }
            }
            return out;
        }
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesGolden() throws IOException {
        Golden.assertMatches("mixed.junit.xml", junit(SampleReports.mixed()));
    }

    @Test
    void countsMatchTheTestCases() throws Exception {
        Document doc = parse(junit(SampleReports.mixed()));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("gwctl validate");
        NodeList cases = suite.getElementsByTagName("testcase");
        // 3 (resource, rule) pairs with findings (2 Errors fail; the Warning is below the default failure threshold),
        // 1 skipped check, 1 rule (GW0501) that found nothing.
        assertThat(cases.getLength()).isEqualTo(5);
        for (Element e : List.of(suites, suite)) {
            assertThat(e.getAttribute("tests")).isEqualTo("5");
            assertThat(e.getAttribute("failures")).isEqualTo("2");
            assertThat(e.getAttribute("errors")).isEqualTo("0");
            assertThat(e.getAttribute("skipped")).isEqualTo("1");
        }
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        Element passing = (Element) cases.item(4);
        assertThat(passing.getAttribute("name")).isEqualTo("GW0501 duplicate-port-name");
        assertThat(passing.getChildNodes().getLength()).isZero();
    }

    @Test
    void failureNamesResourceRuleSeverityFileAndHint() throws Exception {
        Element first = (Element) parse(junit(SampleReports.mixed())).getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("Gateway default/test-gateway");
        assertThat(first.getAttribute("name")).isEqualTo("GW0101 credential-secret-missing");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("Error");
        assertThat(failure.getAttribute("message")).isEqualTo("Referenced credentialName not found: \"test-cred\"");
        assertThat(failure.getTextContent()).isEqualTo("testdata/x.yaml:14 Referenced credentialName not found: "
                + "\"test-cred\"\nhint: " + SampleReports.SECRET_MISSING.hint());
    }

    @Test
    void specialCharactersSurvive() throws Exception {
        Element special = (Element) parse(junit(SampleReports.mixed())).getElementsByTagName("testcase").item(1);
        assertThat(special.getAttribute("classname")).isEqualTo("Gateway team-\u00e4/gw<&>\"2\"");
        Element failure = (Element) special.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(SampleReports.SPECIAL.message());
        assertThat(failure.getTextContent()).contains(SampleReports.SPECIAL.message())
                .endsWith("hint: give each host:port to one Gateway,\nor merge the servers");
    }

    @Test
    void severalFindingsOfOneRuleOnOneResourceShareATestCase() throws Exception {
        ResourceRef gw = new ResourceRef("Gateway", "a", "gw");
        Finding one = new Finding("GW0501", Severity.WARNING, List.of(), gw, new Location("g.yaml", 5, 0, ""),
                "port name \"http\" is used twice", "");
        Finding two = new Finding("GW0501", Severity.ERROR, List.of(), gw, new Location("g.yaml", 9, 0, ""),
                "port name \"https\" is used twice \u0001\u0007", "");
        ValidationReport r = new ValidationReport(List.of(one, two), List.of(SampleReports.GW0501), List.of(),
                new ValidationReport.Summary(1, 1, 0, 0, 0, 1), List.of());
        Document doc = parse(junit(r));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("Error");
        // The one-line message escapes control characters (the sanitiser), the body drops what XML cannot carry.
        assertThat(failure.getAttribute("message"))
                .isEqualTo("port name \"https\" is used twice \\x01\\x07 (and 1 more)");
        assertThat(failure.getTextContent())
                .isEqualTo("g.yaml:9 port name \"https\" is used twice \ng.yaml:5 port name \"http\" is used twice");
    }

    @Test
    void findingsBelowTheFailureThresholdPassWithTheirFindingsInSystemOut() throws Exception {
        ResourceRef vs = new ResourceRef("VirtualService", "a", "vs");
        Finding info = new Finding("GW0404", Severity.INFO, List.of(), vs, new Location("v.yaml", 3, 1, ""),
                "host a.com is bound to no VirtualService", "bind it");
        Finding warning = new Finding("GW0403", Severity.WARNING, List.of(), vs, new Location("v.yaml", 7, 1, ""),
                "host b.com not on the gateway", "");
        ValidationReport r = new ValidationReport(List.of(info, warning), List.of(), List.of(),
                new ValidationReport.Summary(0, 1, 1, 0, 0, 1), List.of());
        for (Severity threshold : Severity.values()) {
            Document doc = parse(Golden.render(FindingsFormat.JUNIT, r,
                    RenderOptions.plain().withFailureThreshold(threshold)));
            // The verdict equals the exit code: a failure exactly for each case with a finding at the threshold.
            long expected = r.findings().stream().filter(f -> f.severity().atLeast(threshold)).count();
            assertThat(doc.getElementsByTagName("failure").getLength()).as(threshold.label()).isEqualTo(expected);
            assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(Long.toString(expected));
            assertThat(OutputXml.systemOutOfCases(doc)).as(threshold.label()).hasSize((int) (2 - expected));
        }
        Document warningsFail = parse(Golden.render(FindingsFormat.JUNIT, r,
                RenderOptions.plain().withFailureThreshold(Severity.WARNING)));
        assertThat(OutputXml.systemOutOfCases(warningsFail))
                .containsExactly("Info: v.yaml:3 host a.com is bound to no VirtualService\nhint: bind it");
    }

    @Test
    void cleanRunListsEveryRuleAsPassing() throws Exception {
        Document doc = parse(junit(SampleReports.clean()));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    }
}

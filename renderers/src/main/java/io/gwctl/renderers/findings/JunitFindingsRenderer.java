package io.gwctl.renderers.findings;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes findings as JUnit XML for CI test report views: one test case per (resource, rule) with findings, one
 * skipped test case per check the engine skipped (GW0002), and one passing test case per rule that ran and found
 * nothing, so a clean run still shows which checks passed.
 *
 * <p>A (resource, rule) case is a {@code <failure>} only when one of its findings is at or above the failure
 * threshold; below it the case passes and lists its findings in {@code <system-out>}, so the test view is red
 * exactly when gwctl exits 79, as GitLab and Jenkins read the report beside the exit code. Findings already in the
 * baseline never fail a case, whatever their level, for the same reason.
 */
public final class JunitFindingsRenderer implements FindingsRenderer {
    private static final String SUITE = "gwctl validate";
    /** The class name of test cases not tied to one resource. */
    private static final String NO_RESOURCE = "gwctl";

    /** One test case: its name, and the findings that fail or skip it (none when it passed). */
    private record TestCase(String className, String name, List<Finding> findings, boolean skipped,
                            ValidationReport report) {
        boolean fails(Severity threshold) {
            return !skipped && findings.stream().anyMatch(f -> f.severity().atLeast(threshold)
                    && !report.isExisting(f));
        }
    }

    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        List<TestCase> cases = testCases(report);
        Severity threshold = options.failureThreshold();
        long failures = cases.stream().filter(c -> c.fails(threshold)).count();
        long skipped = cases.stream().filter(TestCase::skipped).count();
        // Written by hand: XMLStreamWriter.writeStartDocument refuses a declared encoding that differs from the
        // Writer's, and the caller owns the Writer's encoding.
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartElement("testsuites");
            counts(xml, SUITE, cases.size(), failures, skipped);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            counts(xml, SUITE, cases.size(), failures, skipped);
            for (TestCase c : cases) {
                xml.writeCharacters("\n    ");
                testCase(xml, c, c.fails(threshold));
            }
            if (!report.notes().isEmpty()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(xmlSafe("note: " + String.join("\nnote: ", report.notes())));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static List<TestCase> testCases(ValidationReport report) {
        Map<String, RuleInfo> rules = ReportFindings.rulesByCode(report);
        Map<List<String>, List<Finding>> failing = new LinkedHashMap<>();
        List<TestCase> skipped = new ArrayList<>();
        Set<String> codesFound = new HashSet<>();
        for (Finding f : ReportFindings.ordered(report)) {
            String className = f.resource() == null ? NO_RESOURCE : f.resource().friendlyName();
            codesFound.add(f.code());
            if (f.code().equals(ReportFindings.CHECK_SKIPPED)) {
                skipped.add(new TestCase(className, ReportFindings.oneLine(f.message()), List.of(f), true, report));
            } else {
                failing.computeIfAbsent(List.of(className, f.code()), k -> new ArrayList<>()).add(f);
            }
        }
        List<TestCase> cases = new ArrayList<>();
        failing.forEach((key, findings) -> cases.add(
                new TestCase(key.get(0), caseName(key.get(1), rules.get(key.get(1))), findings, false, report)));
        cases.addAll(skipped);
        for (RuleInfo r : rules.values()) {
            if (!codesFound.contains(r.code())) {
                cases.add(new TestCase(NO_RESOURCE, caseName(r.code(), r), List.of(), false, report));
            }
        }
        return cases;
    }

    private static String caseName(String code, RuleInfo rule) {
        return rule == null ? code : code + " " + rule.name();
    }

    private static void counts(XMLStreamWriter xml, String name, int tests, long failures, long skipped)
            throws XMLStreamException {
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
    }

    private static void testCase(XMLStreamWriter xml, TestCase c, boolean fails) throws XMLStreamException {
        if (c.findings().isEmpty()) {
            xml.writeEmptyElement("testcase");
            caseAttributes(xml, c);
            return;
        }
        xml.writeStartElement("testcase");
        caseAttributes(xml, c);
        xml.writeCharacters("\n      ");
        // The failure's message names a new finding: an existing one in the same case does not fail it.
        Finding first = c.findings().stream().filter(f -> !c.report().isExisting(f)).findFirst()
                .orElse(c.findings().get(0));
        if (c.skipped()) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", xmlSafe(ReportFindings.oneLine(first.message())));
        } else if (fails) {
            Severity worst = c.findings().stream().map(Finding::severity).max(Enum::compareTo).orElseThrow();
            String more = c.findings().size() > 1 ? " (and " + (c.findings().size() - 1) + " more)" : "";
            xml.writeStartElement("failure");
            xml.writeAttribute("type", worst.label());
            xml.writeAttribute("message", xmlSafe(ReportFindings.oneLine(first.message()) + more));
            xml.writeCharacters(xmlSafe(details(c, false)));
            xml.writeEndElement();
        } else {
            // Below the failure threshold: reported, not failed. The severity leads each line, as in the text format.
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(details(c, true)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /**
     * One line per finding (its file:line, message and hint), each led by its severity when {@code levels} and by
     * {@code existing:} when it was already in the baseline.
     */
    private static String details(TestCase c, boolean levels) {
        List<String> lines = new ArrayList<>();
        for (Finding f : c.findings()) {
            String level = (c.report().isExisting(f) ? "existing: " : "") + (levels ? f.severity().label() + ": " : "");
            String where = ReportFindings.hasFile(f) ? ReportFindings.location(f).fileAndLine() + " " : "";
            lines.add(level + where + f.message() + (f.hint().isBlank() ? "" : "\nhint: " + f.hint()));
        }
        return String.join("\n", lines);
    }

    private static void caseAttributes(XMLStreamWriter xml, TestCase c) throws XMLStreamException {
        xml.writeAttribute("classname", xmlSafe(c.className()));
        xml.writeAttribute("name", xmlSafe(c.name()));
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters other than tab and line breaks). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(JunitFindingsRenderer::allowedInXml).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

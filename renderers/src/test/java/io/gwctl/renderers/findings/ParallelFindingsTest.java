package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Baseline;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The findings' JSON made on several threads ({@link ParallelFindings}) is, byte for byte, the JSON one generator
 * writes: for counts around the batch size (none, one batch, one more, many), with and without a baseline, with
 * text that needs escaping, on 2, 3 and 4 threads.
 */
class ParallelFindingsTest {
    private static final Severity[] SEVERITIES = Severity.values();
    private static final String[] TEXTS = {"plain", "quote \" and backslash \\", "tab\tand\nnewline", "ünïcødé ✓ 🚀",
        "control \u0001 char", "", "</script>"};

    private static List<Finding> findings(long seed, int n) {
        Random r = new Random(seed);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResourceRef ref = r.nextInt(10) == 0 ? null : new ResourceRef("Gateway",
                    r.nextInt(4) == 0 ? "" : "ns-" + r.nextInt(50), "gw-" + i);
            Location loc = r.nextInt(10) == 0 ? null : new Location(r.nextInt(5) == 0 ? "" : "dir/f" + i + ".yaml",
                    r.nextInt(40), r.nextInt(5), r.nextBoolean() ? "" : "/spec/servers/" + r.nextInt(3));
            out.add(new Finding("GW0" + (100 + r.nextInt(5)), SEVERITIES[r.nextInt(3)],
                    r.nextBoolean() ? List.of() : List.of("IST0101", "KIA0301"), ref, loc,
                    TEXTS[r.nextInt(TEXTS.length)] + " " + i, r.nextInt(3) == 0 ? "" : TEXTS[r.nextInt(TEXTS.length)]));
        }
        return out;
    }

    private static String render(ValidationReport report, int threads) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            FindingsDocument.write(report, g, out, threads);
        }
        return out.toString();
    }

    private static String oneGenerator(ValidationReport report) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            FindingsDocument.write(report, g);
        }
        return out.toString();
    }

    @Test
    void severalThreadsWriteWhatOneGeneratorWrites() throws IOException {
        int b = ParallelFindings.BATCH;
        for (int n : new int[] {0, 1, b - 1, b, b + 1, 2 * b, 2 * b + 1, 9 * b + 17}) {
            List<Finding> all = findings(n, n);
            ValidationReport report = new ValidationReport(all, List.of(), List.of("a note"),
                    new ValidationReport.Summary(n, 0, 0, 0, 0, n), List.of("dir/"));
            ValidationReport marked = report.withBaseline(
                    new Baseline(all.subList(0, n / 3)).compare(report.findings()), false);
            for (ValidationReport rep : List.of(report, marked)) {
                String expected = oneGenerator(rep);
                for (int threads : new int[] {2, 3, 4}) {
                    assertThat(render(rep, threads)).as("%d findings, %d threads", n, threads).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void manyBatchesAreWrittenInOrder() throws IOException {
        int n = 40 * ParallelFindings.BATCH + 3;
        ValidationReport report = new ValidationReport(findings(7, n), List.of(), List.of(),
                new ValidationReport.Summary(n, 0, 0, 0, 0, n), List.of());
        assertThat(render(report, 4)).isEqualTo(oneGenerator(report));
    }
}

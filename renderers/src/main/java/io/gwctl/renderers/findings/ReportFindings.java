package io.gwctl.renderers.findings;

import io.gwctl.model.Printable;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.SpilledFindings;
import io.gwctl.model.finding.ValidationReport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What every findings renderer reads the same way: the order, codes, origins, paths and the summary line. */
final class ReportFindings {
    /** Code of the Info finding the engine reports for a rule it skipped (RULES-ENGINE.md). */
    static final String CHECK_SKIPPED = "GW0002";
    /** Code of the Error finding an input problem becomes (malformed YAML, an invalid resource, an unreadable file). */
    static final String INVALID_INPUT = "GW0001";

    /**
     * istioctl's order (lint catalogue §2.5): level (Error first), code, resource, then file, line and message; a
     * finding without a resource (an internal error) sorts before those with one.
     */
    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::code)
            .thenComparing(Finding::resource, Comparator.nullsFirst(Comparator.<ResourceRef>naturalOrder()))
            .thenComparing(f -> location(f).file() == null ? "" : location(f).file())
            .thenComparingInt(f -> location(f).line())
            .thenComparing(Finding::message);

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*(\r\n|\r|\n)\\s*");

    private ReportFindings() {
    }

    /**
     * The findings to print, sorted, with exact duplicates removed: istioctl dedupes identical messages raised by
     * several analyzers (§2.5), and renderers must not depend on the order the engine happened to produce.
     */
    static List<Finding> ordered(ValidationReport report) {
        if (report.findings() instanceof SpilledFindings spilled) {
            return spilled; // sorted by Finding.ORDER, which begins with this order, and without duplicates
        }
        List<Finding> sorted = new ArrayList<>(report.findings());
        sorted.sort(ORDER);
        return List.copyOf(new LinkedHashSet<>(sorted));
    }

    /** The rules that ran, by code, sorted. */
    static Map<String, RuleInfo> rulesByCode(ValidationReport report) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (RuleInfo r : report.rules()) {
            rules.put(r.code(), r);
        }
        return rules;
    }

    /** The finding's location, {@link Location#NONE} when it has none. */
    static Location location(Finding f) {
        return f.location() == null ? Location.NONE : f.location();
    }

    /** True when the finding points into a file (not a cluster object, not standard input without a name). */
    static boolean hasFile(Finding f) {
        String file = location(f).file();
        return file != null && !file.isEmpty();
    }

    /** {@code GW0101} or {@code GW0101/IST0101/KIA0301}: the gwctl code, then its aliases, as the text shows them. */
    static String codes(Finding f) {
        return f.aliases().isEmpty() ? f.code() : f.code() + "/" + String.join("/", f.aliases());
    }

    /** {@code Gateway default/gw}, or "" when the finding is on no particular resource. */
    static String resourceName(Finding f) {
        return f.resource() == null ? "" : f.resource().friendlyName();
    }

    /**
     * Collapses line breaks so that one finding stays one line however its message was written, and escapes the
     * other control characters (a resource named with an ESC sequence) through the one sanitiser.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return Printable.escape(s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : LINE_BREAK.matcher(s).replaceAll(" "));
    }

    /**
     * The finding's file as a forward-slash path relative to {@code root} when it lies under it, otherwise the
     * absolute path (or the name as given when there is no root); empty for cluster objects and standard input. A
     * relative name is read relative to {@code baseDir} (the directory gwctl ran in), so a run from a subdirectory
     * of the repository still gives paths from the repository's root.
     */
    static Optional<String> relativePath(Finding f, Path baseDir, Path root) {
        String file = location(f).file();
        if (!hasFile(f) || file.equals("-")) {
            return Optional.empty();
        }
        try {
            // Read the name in the base directory's file system (a test's in-memory one, or the default).
            Path anchor = root != null ? root : baseDir;
            Path p = (anchor == null ? Path.of(file) : anchor.getFileSystem().getPath(file)).normalize();
            if (!p.isAbsolute() && baseDir != null && root != null && !root.equals(baseDir)) {
                p = baseDir.toAbsolutePath().resolve(p).normalize();
            }
            if (p.isAbsolute() && anchor != null) {
                Path base = anchor.toAbsolutePath().normalize();
                if (p.startsWith(base)) {
                    p = base.relativize(p);
                }
            }
            return Optional.of(p.toString().replace('\\', '/'));
        } catch (InvalidPathException e) {
            return Optional.of(file.replace('\\', '/'));
        }
    }

    /** The {@code baseline} mark of a finding in a report compared with a baseline: existing or new. */
    static String baselineMark(ValidationReport report, Finding f) {
        return report.isExisting(f) ? "existing" : "new";
    }

    /** SARIF {@code level} / GitHub command for a severity. */
    static String sarifLevel(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * The closing line of text and GitHub output: {@code 3 errors, 1 warning, 0 info in 12 resources (2 suppressed)}
     * or {@code ✔ No validation issues found in 12 resources.}; the parenthesis only when something was suppressed
     * or hidden below the output threshold.
     */
    static String summaryLine(ValidationReport report) {
        return summaryLine(report, 0);
    }

    /**
     * The summary line of an output that printed {@code inputProblemsElsewhere} of the counted GW0001 findings not
     * as lines of its own but on stderr (the text format): said in the parenthesis so the counts add up.
     */
    static String summaryLine(ValidationReport report, int inputProblemsElsewhere) {
        ValidationReport.Summary s = summary(report);
        String resources = plural(s.resources(), "resource", "resources");
        List<String> extra = new ArrayList<>();
        if (inputProblemsElsewhere > 0) {
            extra.add(plural(inputProblemsElsewhere, "input problem", "input problems") + " on stderr");
        }
        if (s.suppressed() > 0) {
            extra.add(s.suppressed() + " suppressed");
        }
        if (s.hidden() > 0) {
            extra.add(s.hidden() + " below the output threshold");
        }
        ValidationReport.BaselineMarks baseline = report.baseline();
        if (baseline != null && baseline.hidden() > 0) {
            extra.add(baseline.hidden() + " existing in the baseline hidden; --show-baseline shows them");
        } else if (baseline != null && baseline.existing() > 0) {
            extra.add(baseline.existing() + " of them existing in the baseline");
        }
        ValidationReport.Scope scope = s.scope();
        if (scope != null) {
            resources = "namespace " + scope.namespace() + " (" + resources + " read in all namespaces)";
        }
        String tail = extra.isEmpty() ? "" : " (" + String.join(", ", extra) + ")";
        String others = scope == null || scope.others() == 0 ? "" : "; " + others(scope) + " in other namespaces;"
                + " -A shows them";
        if (s.errors() + s.warnings() + s.infos() == 0) {
            return "\u2714 No " + (baseline == null ? "" : "new ") + "validation issues found in " + resources + tail
                    + others + ".";
        }
        return plural(s.errors(), "error", "errors") + ", " + plural(s.warnings(), "warning", "warnings") + ", "
                + s.infos() + " info in " + resources + tail + others;
    }

    /** {@code 3 errors, 1 warning}: the non-zero counts of findings left out by the namespace scope. */
    private static String others(ValidationReport.Scope scope) {
        List<String> parts = new ArrayList<>();
        if (scope.otherErrors() > 0) {
            parts.add(plural(scope.otherErrors(), "error", "errors"));
        }
        if (scope.otherWarnings() > 0) {
            parts.add(plural(scope.otherWarnings(), "warning", "warnings"));
        }
        if (scope.otherInfos() > 0) {
            parts.add(scope.otherInfos() + " info");
        }
        return String.join(", ", parts);
    }

    /** The report's summary, or counts over its findings when the producer gave none. */
    static ValidationReport.Summary summary(ValidationReport report) {
        if (report.summary() != null) {
            return report.summary();
        }
        int[] n = new int[Severity.values().length];
        for (Finding f : ordered(report)) {
            n[f.severity().ordinal()]++;
        }
        return new ValidationReport.Summary(n[Severity.ERROR.ordinal()], n[Severity.WARNING.ordinal()],
                n[Severity.INFO.ordinal()], 0, 0, 0);
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

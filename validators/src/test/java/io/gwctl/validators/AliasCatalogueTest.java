package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every alias a rule gives its findings is a code istioctl analyze or Kiali really emits, at the severity of the
 * finding: the lint catalogue ({@code ../shared/spec/lint-catalogue.md}) lists Istio's active codes with their level
 * (§1.1) and Kiali's codes with their severity (§3.1). An Error finding must not carry a warning code (IST0133) nor a
 * Warning finding an error code (IST0106); Kiali's {@code unknown} severity counts as Info. Checked on each rule's
 * declaration (its default severity and each severity it declares aliases for) and on every finding the rule fixtures
 * and doc examples produce, so a rule that reports at a severity it did not declare is caught too. Skipped, saying
 * so, when the catalogue is absent (a user's clone).
 *
 * <p>The only exceptions are listed in {@link #CROSS_LEVEL} with the reason: a tool that has one code for the problem
 * at one level, while gwctl ranks the problem differently on purpose. The alias then still names the same problem
 * (so {@code -S IST0162=...} and {@code kiali.io/ignore-validations} keep working, and the conformance tests can match
 * the tools' findings); a tool that has a code at the finding's level (Istio's schema pair IST0106/IST0133) never
 * gets an exception.
 */
class AliasCatalogueTest {
    private static final Pattern IST_ROW =
            Pattern.compile("^\\|\\s*(IST[0-9]{4})\\s*\\|[^|]*\\|\\s*(Error|Warning|Info)\\s*\\|");
    private static final Pattern KIA_CODE = Pattern.compile("KIA([0-9]{4})((?:[/–-][0-9]{4})*)");
    private static final Pattern KIA_LEVEL = Pattern.compile("(error|warning|unknown)`?\\s+if\\b");
    private static final Set<String> SCHEMA_PAIR = Set.of("IST0106", "IST0133");
    /** {@code rule alias} → why the finding carries a code the tool emits at another level. */
    private static final Map<String, String> CROSS_LEVEL = Map.of(
            "GW0201 IST0162", "istioctl warns that a Gateway port is missing from the gateway Service; gwctl makes it "
                    + "an Error when the Service is in the input, since clients cannot reach the port at all",
            "GW0202 IST0101", "istioctl's selector-not-found is an Error; gwctl warns when the input has no workload "
                    + "at all (the gateway Deployment usually comes from Helm), where the selector may well match",
            "GW0202 KIA0302", "Kiali warns for a selector matching no workload; gwctl's Error is istioctl's IST0101",
            "GW0301 KIA0301", "Kiali warns for every host conflict; gwctl grades by what istiod does (Error: a "
                    + "server is dropped, Info: a more specific host wins). Issue 8 item 5 reworks GW0301's aliases",
            "GW0301 IST0145", "istioctl's conflict is an Error; gwctl grades by what istiod does (Warning: HTTP "
                    + "servers merge, Info: a more specific host wins). Issue 8 item 5 reworks GW0301's aliases",
            "GW0402 KIA1108", "Kiali's preferred-nomenclature hint has severity unknown; the same reference is "
                    + "istioctl's schema warning IST0133, so the finding is a Warning",
            "GW0704 KIA1106", "Kiali warns for several VirtualServices on one host; for mesh VirtualServices "
                    + "istioctl's IST0109 is an Error, as sidecars use only one of them",
            "GW0604 KIA1107", "Kiali warns for a subset no DestinationRule defines (its docs say error); istiod has no "
                    + "cluster for the subset and the route fails with 503, as istioctl's IST0101 Error says");
    private static Map<String, Set<Severity>> levels;

    @BeforeAll
    static void readCatalogue() throws IOException {
        Path catalogue = RuleFixtures.sharedDir().resolve("spec/lint-catalogue.md");
        assumeTrue(Files.isRegularFile(catalogue), "../shared/spec/lint-catalogue.md absent: alias levels not checked ("
                + catalogue + ")");
        levels = parse(Files.readAllLines(catalogue));
    }

    /** Code to the severities it is emitted at, from the catalogue's §1.1 (Istio, active codes) and §3.1 (Kiali). */
    static Map<String, Set<Severity>> parse(List<String> lines) {
        Map<String, Set<Severity>> out = new TreeMap<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("### ")) {
                section = line.substring(4).trim();
                continue;
            }
            if (section.startsWith("1.1 ")) {
                Matcher m = IST_ROW.matcher(line);
                if (m.find()) {
                    out.put(m.group(1), EnumSet.of(Severity.parse(m.group(2))));
                }
            } else if (section.startsWith("3.1 ") && line.startsWith("|")) {
                String[] cells = line.split("\\|");
                if (cells.length < 4 || cells[1].contains("retired") || cells[1].contains("removed")) {
                    continue;
                }
                Matcher m = KIA_CODE.matcher(cells[1]);
                if (!m.find()) {
                    continue;
                }
                Set<Severity> sev = kialiSeverities(cells[3]);
                for (String code : kialiCodes(m.group(1), m.group(2))) {
                    out.put("KIA" + code, sev);
                }
            }
        }
        return out;
    }

    /** {@code 0109/0110} and {@code 0205–0208} as the codes they name. */
    private static List<String> kialiCodes(String first, String rest) {
        List<String> codes = new ArrayList<>(List.of(first));
        Matcher m = Pattern.compile("([/–-])([0-9]{4})").matcher(rest);
        while (m.find()) {
            if (m.group(1).equals("/")) {
                codes.add(m.group(2));
            } else {
                int last = Integer.parseInt(m.group(2));
                for (int c = Integer.parseInt(codes.get(codes.size() - 1)) + 1; c <= last; c++) {
                    codes.add(String.format(Locale.ROOT, "%04d", c));
                }
            }
        }
        return codes;
    }

    /** The cell's first severity word, plus those it names conditionally ({@code error (warning if ALLOW_ANY)}). */
    private static Set<Severity> kialiSeverities(String cell) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        Matcher first = Pattern.compile("(error|warning|unknown)").matcher(cell);
        if (first.find()) {
            out.add(kiali(first.group(1)));
        }
        Matcher more = KIA_LEVEL.matcher(cell);
        while (more.find()) {
            out.add(kiali(more.group(1)));
        }
        return out;
    }

    private static Severity kiali(String word) {
        return switch (word) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }

    @Test
    void catalogueIsReadAsItIsWritten() {
        assertThat(levels).containsEntry("IST0106", Set.of(Severity.ERROR))
                .containsEntry("IST0133", Set.of(Severity.WARNING))
                .containsEntry("IST0118", Set.of(Severity.INFO))
                .containsEntry("KIA0301", Set.of(Severity.WARNING))
                .containsEntry("KIA0601", Set.of(Severity.ERROR))
                .containsEntry("KIA1108", Set.of(Severity.INFO))
                .containsEntry("KIA1101", Set.of(Severity.ERROR, Severity.WARNING))
                .containsEntry("KIA0207", Set.of(Severity.ERROR))
                .doesNotContainKeys("IST0104", "KIA1103", "KIA1201");
    }

    @Test
    void crossLevelExceptionsAreNeededAndNeverForIstiosSchemaPair() {
        for (String key : CROSS_LEVEL.keySet()) {
            String[] ruleAlias = key.split(" ");
            assertThat(SCHEMA_PAIR).as(key).doesNotContain(ruleAlias[1]);
            RuleInfo info = RuleRegistry.all().stream().map(Rule::info).filter(i -> i.code().equals(ruleAlias[0]))
                    .findFirst().orElseThrow(() -> new AssertionError(key + ": no such rule"));
            assertThat(info.aliases()).as("%s: the rule still has the alias", key).contains(ruleAlias[1]);
        }
    }

    @Test
    void everyDeclaredAliasIsAnActiveCodeAtTheSeverityItIsGivenAt() {
        List<String> wrong = new ArrayList<>();
        for (Rule r : RuleRegistry.all()) {
            RuleInfo info = r.info();
            for (String alias : info.aliases()) {
                if (!levels.containsKey(alias)) {
                    wrong.add(info.code() + ": " + alias + " is not an active istioctl/Kiali code");
                }
            }
            Set<Severity> declared = EnumSet.of(info.severity());
            declared.addAll(info.aliasesBySeverity().keySet());
            for (Severity s : declared) {
                for (String alias : info.aliasesAt(s)) {
                    if (levels.containsKey(alias) && !levels.get(alias).contains(s)
                            && !CROSS_LEVEL.containsKey(info.code() + " " + alias)) {
                        wrong.add(info.code() + " at " + s.label() + ": " + alias + " is emitted at "
                                + levels.get(alias));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFindingOfTheFixturesAndDocExamplesCarriesAliasesOfItsSeverity() throws IOException {
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        for (String code : RuleFixtures.fixtureCodes()) {
            Path dir = RuleFixtures.fixtureDir(code);
            LoadResult loaded = RuleFixtures.load(List.of(dir));
            findings.put(dir.toString(), Validator.run(loaded.snapshot(), RuleFixtures.options(dir)).findings());
        }
        for (String code : RuleFixtures.docCodes()) {
            Path page = RuleFixtures.docPage(code);
            RuleMetaTest.yamlBlocksByHeading(Files.readString(page)).forEach((heading, yaml) -> {
                LoadResult loaded = RuleFixtures.loadString(yaml.toString(), page + " (" + heading + ")");
                findings.put(page + " (" + heading + ")", Validator.run(loaded.snapshot(),
                        ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW)).findings());
            });
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<Finding>> e : findings.entrySet()) {
            for (Finding f : e.getValue()) {
                checked++;
                for (String alias : f.aliases()) {
                    Set<Severity> at = levels.get(alias);
                    if (at == null || !at.contains(f.severity()) && !CROSS_LEVEL.containsKey(f.code() + " " + alias)) {
                        wrong.add(f.code() + " " + f.severity().label() + " with " + alias + " (emitted at " + at
                                + ") in " + e.getKey() + ":" + f.location().line() + ": " + f.message());
                    }
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(wrong).isEmpty();
    }
}

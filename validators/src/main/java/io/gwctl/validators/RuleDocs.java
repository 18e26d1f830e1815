package io.gwctl.validators;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule pages ({@code docs/rules/CODE.md}) as the rule registry describes them: the generated header of each
 * page (code, name, aliases, severity, what input it needs, summary), the generated index
 * ({@code docs/rules/README.md}), and the lookup {@code gwctl validate --explain} uses. The pages ship on the
 * classpath; the header and the index are rewritten from the registry by {@code RuleDocsTest} (with
 * {@code -Dgwctl.update-golden=true}), as kube-linter generates its check list, so they cannot drift from the code.
 */
public final class RuleDocs {
    /** Opens the generated header; the page's first line. */
    public static final String BEGIN = "<!-- BEGIN generated from RuleRegistry by RuleDocsTest: edit the rule's info(),"
            + " not this header -->";
    /** Closes the generated header; below it the page is written by hand. */
    public static final String END = "<!-- END generated header -->";

    private static final String RESOURCES = "rules/";

    private RuleDocs() {
    }

    /** Every code with a page: the registered rules and GW0001, the engine code users meet in every format. */
    public static List<RuleInfo> documented() {
        List<RuleInfo> all = new ArrayList<>();
        all.add(Validator.INVALID_INPUT);
        RuleRegistry.all().forEach(r -> all.add(r.info()));
        all.sort(null);
        return all;
    }

    /**
     * The documented rules {@code codeOrAlias} names: the rule with that gwctl code or name, else every rule that
     * carries that IST/KIA alias (IST0101 is several gwctl rules), case-insensitively.
     */
    public static List<RuleInfo> find(String codeOrAlias) {
        String q = codeOrAlias.strip().toUpperCase(Locale.ROOT);
        List<RuleInfo> exact = documented().stream()
                .filter(r -> r.code().equals(q) || r.name().equalsIgnoreCase(q)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return documented().stream().filter(r -> r.aliases().contains(q)).toList();
    }

    /** The page of a documented code as shipped with gwctl, empty when the build has none. */
    public static Optional<String> page(String code) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCES + code + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as a reader wants it on a terminal: without the generator's HTML comments. */
    public static String forReading(String page) {
        return page.lines().filter(l -> !l.equals(BEGIN) && !l.equals(END))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The generated header of a rule's page, from its title to the {@link #END} line. */
    public static String header(RuleInfo r) {
        return BEGIN + "\n"
                + "# " + r.code() + " " + r.name() + "\n\n"
                + "| Code | Aliases | Severity | Needs |\n"
                + "|---|---|---|---|\n"
                + "| " + r.code() + " | " + aliases(r) + " | " + r.severity().label() + " | " + needs(r) + " |\n\n"
                + summary(r) + "\n"
                + END + "\n";
    }

    /**
     * The page with its header replaced by the generated one: a generated header is replaced whole; a page written
     * before headers were generated loses its {@code # CODE name} title line, which the header carries. The rest of
     * the page, written by hand, is kept byte for byte.
     */
    public static String withHeader(String page, RuleInfo r) {
        String rest = page;
        if (rest.startsWith(BEGIN)) {
            int end = rest.indexOf(END);
            rest = end < 0 ? rest.substring(BEGIN.length()) : rest.substring(end + END.length());
        } else if (rest.startsWith("# " + r.code())) {
            int eol = rest.indexOf('\n');
            rest = eol < 0 ? "" : rest.substring(eol + 1);
        }
        rest = rest.replaceFirst("^\\s*\n", "");
        return header(r) + "\n" + rest;
    }

    /** {@code docs/rules/README.md}: every documented rule, one table row each, linked to its page. */
    public static String index() {
        StringBuilder b = new StringBuilder();
        b.append(BEGIN).append("\n# gwctl validate rules\n\n")
                .append("Each rule has a stable gwctl code, a default severity (`.gwctl.yaml` can change it), the")
                .append(" istioctl analyze (IST) and Kiali (KIA)\ncodes it corresponds to, and the input kinds it")
                .append(" needs: a rule whose input is missing is skipped, visibly, as a GW0002 finding.\n")
                .append("`gwctl validate --explain CODE` prints a page (CODE may be an IST/KIA alias);")
                .append(" `gwctl validate --list-rules` lists them.\n\n")
                .append("| Code | Name | Severity | Aliases | Needs | Summary |\n")
                .append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : documented()) {
            b.append("| [").append(r.code()).append("](").append(r.code()).append(".md) | ").append(r.name())
                    .append(" | ").append(r.severity().label()).append(" | ").append(aliases(r)).append(" | ")
                    .append(needs(r)).append(" | ").append(summary(r).replace("|", "\\|")).append(" |\n");
        }
        return b.append(END).append("\n").toString();
    }

    /** {@code IST0145, KIA0301}, or per severity {@code IST0106 (Error), IST0133 (Warning)}, or {@code none}. */
    static String aliases(RuleInfo r) {
        if (r.aliases().isEmpty()) {
            return "none";
        }
        if (r.aliasesBySeverity().isEmpty()) {
            return String.join(", ", r.aliases());
        }
        List<String> parts = new ArrayList<>();
        Severity[] levels = Severity.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            for (String a : r.aliasesBySeverity().getOrDefault(levels[i], List.of())) {
                parts.add(a + " (" + levels[i].label() + ")");
            }
        }
        return String.join(", ", parts);
    }

    /** The kinds a rule needs, in the registry's kind order, or {@code any input}. */
    static String needs(RuleInfo r) {
        if (r.needs().isEmpty()) {
            return "any input";
        }
        return r.needs().stream().sorted().map(Kind::kindName).collect(Collectors.joining(", "));
    }

    /** The summary as a Markdown sentence: {@code <name>} stays text, a {@code |} stays inside its table cell. */
    private static String summary(RuleInfo r) {
        String s = r.summary().strip().replace("<", "\\<").replace(">", "\\>");
        return s.endsWith(".") ? s : s + ".";
    }
}

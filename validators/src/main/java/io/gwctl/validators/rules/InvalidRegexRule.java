package io.gwctl.validators.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.HttpRewrite;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * GW0510: a VirtualService regex istiod rejects (lint catalogue §1.2 IST0122, §2.2; Istio's validation, IST0106): an
 * empty regex, one longer than 1024 characters, or one that is not RE2 syntax. Istio and Envoy use RE2 (Go's regexp,
 * Envoy's google_re2), which has no lookaround, no backreferences, no possessive quantifiers and at most 1000
 * repetitions; Java's and PCRE's extensions that users copy from elsewhere fail there. Checked with re2j, a port of
 * Go's regexp parser, in every match condition (uri, scheme, method, authority, headers, withoutHeaders,
 * queryParams), CORS origins and {@code rewrite.uriRegexRewrite.match}.
 */
public final class InvalidRegexRule implements Rule {
    /** Istio's limit (validateStringRegexp). */
    static final int MAX_LENGTH = 1024;

    private static final RuleInfo INFO = new RuleInfo("GW0510", "invalid-regex", Severity.ERROR,
            "A VirtualService regex is empty, longer than 1024 characters, or not RE2 syntax.", List.of("IST0106"),
            Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        // Each distinct regex is compiled once: a repository repeats its patterns across VirtualServices.
        Map<String, String> problems = new HashMap<>();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (HttpStringMatches.Condition c : HttpStringMatches.of(vs)) {
                if (c.match().type() == StringMatch.Type.REGEX) {
                    String problem = problem(c.match().value(), problems);
                    if (!problem.isEmpty()) {
                        report(vs, c.field(), c.valuePointer(), c.match().value(), problem, out);
                    }
                }
            }
            for (int i = 0; i < vs.http().size(); i++) {
                HttpRewrite rw = vs.http().get(i).rewrite();
                if (rw != null && rw.hasUriRegexRewrite() && rw.uriRegexMatch() != null) {
                    String problem = problem(rw.uriRegexMatch(), problems);
                    if (!problem.isEmpty()) {
                        report(vs, "rewrite.uriRegexRewrite.match", "/spec/http/" + i
                                + "/rewrite/uriRegexRewrite/match", rw.uriRegexMatch(), problem, out);
                    }
                }
            }
        }
    }

    /** The problem of {@code regex}, "" for none (every problem has words), from {@code problems} once made. */
    private static String problem(String regex, Map<String, String> problems) {
        return problems.computeIfAbsent(regex, r -> Objects.requireNonNullElse(problem(r), ""));
    }

    private static void report(VirtualService vs, String field, String pointer, String regex, String problem,
                               Reporter out) {
        out.report(vs, pointer, "\"" + field + "\": " + problem, hint(regex));
    }

    /** Istio's message for what is wrong with {@code regex}, or null when istiod accepts it. */
    static String problem(String regex) {
        if (regex.isEmpty()) {
            return "regex string match should not be empty";
        }
        if (regex.length() > MAX_LENGTH) {
            return "regex is too large, max length allowed is " + MAX_LENGTH + " (this one has " + regex.length()
                    + " characters)";
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`; Istio uses RE2 style "
                    + "regex-based match (https://github.com/google/re2/wiki/Syntax)";
        }
    }

    private static String hint(String regex) {
        if (regex.isEmpty()) {
            return "Remove the condition or write a pattern; an empty regex is rejected.";
        }
        if (regex.contains("(?=") || regex.contains("(?!") || regex.contains("(?<=") || regex.contains("(?<!")) {
            return "RE2 has no lookahead or lookbehind: match the positive form, or split the rule in two (an earlier "
                    + "rule for the excluded case).";
        }
        if (regex.matches(".*\\\\[1-9].*")) {
            return "RE2 has no backreferences: spell out the alternatives.";
        }
        return "Rewrite the pattern in RE2 syntax; Envoy and istiod reject this VirtualService.";
    }
}

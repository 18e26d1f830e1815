package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0706: rules and matches of one VirtualService that no request can reach, because an earlier rule (or an earlier
 * match of the same rule) matches every request they match (lint catalogue §2.2 {@code analyzeUnreachable*Rules},
 * §5 A.2; istioctl's IST0130/IST0131). Envoy takes the first matching route, and istiod keeps the rule order of one
 * VirtualService (translation spec §7.2), so such a rule never runs.
 *
 * <p>Coverage is decided on what the matches mean, not on their JSON ({@link MatchCoverage}): a rule without
 * {@code match}, a prefix that starts the later path ({@code /debug} before {@code /debugs}: Istio prefixes are string
 * prefixes), the same exact path or regex, each with conditions (headers, method, port, gateways, ...) that the later
 * match also has. A rule all of whose matches are covered by earlier rules is a Warning (IST0130); a single covered
 * match of a rule that still has a reachable one is an Info (IST0131).
 */
public final class UnreachableRouteRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0706", "unreachable-route", Severity.WARNING,
            "A VirtualService rule or match can never be used: an earlier rule matches every request it matches.",
            List.of(), Set.of(Kind.VIRTUAL_SERVICE))
            .withAliases(Severity.WARNING, "IST0130").withAliases(Severity.INFO, "IST0131");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            checkHttp(vs, out);
            if (!vs.tcp().isEmpty()) {
                checkL4(vs, "tcp", vs.tcp().stream().map(r -> r.match()).toList(), false, out);
            }
            if (!vs.tls().isEmpty()) {
                checkL4(vs, "tls", vs.tls().stream().map(r -> r.match()).toList(), true, out);
            }
        }
    }

    /** Where a covering match sits: its rule index and its match index (-1 for a rule without matches). */
    private record At(int rule, int match) {
    }

    private static void checkHttp(VirtualService vs, Reporter out) {
        MatchCoverage<At> prior = new MatchCoverage<>();
        List<HttpRoute> rules = vs.http();
        for (int r = 0; r < rules.size(); r++) {
            HttpRoute rule = rules.get(r);
            List<HttpMatch> matches = rule.match().isEmpty() ? java.util.Collections.singletonList(null)
                    : rule.match();
            MatchCoverage<At> same = new MatchCoverage<>();
            List<MatchCoverage.Entry<At>> byPrior = new ArrayList<>();
            List<MatchCoverage.Entry<At>> bySame = new ArrayList<>();
            for (int j = 0; j < matches.size(); j++) {
                HttpMatch m = matches.get(j);
                byPrior.add(prior.firstCovering(m));
                bySame.add(same.firstCovering(m));
                same.addHttp(m, new At(r, rule.match().isEmpty() ? -1 : j));
            }
            report(vs, "http", r, rule.name(), rule.match().isEmpty(), byPrior, bySame, j -> describe(matches.get(j)),
                    at -> describe(vs, at), out);
            // A delegate's sub-rules may match less than the root's match: they never count as covering.
            if (rule.delegateName() == null) {
                for (int j = 0; j < matches.size(); j++) {
                    prior.addHttp(matches.get(j), new At(r, rule.match().isEmpty() ? -1 : j));
                }
            }
        }
    }

    private static void checkL4(VirtualService vs, String kind, List<List<L4Match>> rules, boolean tls, Reporter out) {
        MatchCoverage<At> prior = new MatchCoverage<>();
        for (int r = 0; r < rules.size(); r++) {
            List<L4Match> matches = rules.get(r).isEmpty() ? java.util.Collections.singletonList(null) : rules.get(r);
            MatchCoverage<At> same = new MatchCoverage<>();
            List<MatchCoverage.Entry<At>> byPrior = new ArrayList<>();
            List<MatchCoverage.Entry<At>> bySame = new ArrayList<>();
            boolean none = rules.get(r).isEmpty();
            for (int j = 0; j < matches.size(); j++) {
                byPrior.add(prior.firstCovering(matches.get(j), tls));
                bySame.add(same.firstCovering(matches.get(j), tls));
                same.addL4(matches.get(j), new At(r, none ? -1 : j));
            }
            report(vs, kind, r, null, none, byPrior, bySame, j -> describe(matches.get(j)), at -> kind + "[" + at.rule()
                    + "]" + (at.match() < 0 ? " (no match)" : " match " + at.match()
                    + describe(rules.get(at.rule()).get(at.match()))), out);
            for (int j = 0; j < matches.size(); j++) {
                prior.addL4(matches.get(j), new At(r, none ? -1 : j));
            }
        }
    }

    /*
     * Split in three (the rule, each match) so that no one compiled body holds all the message building: inlined
     * together it was a 77 KB C2 compilation at N=10,000 (issue 12).
     */
    private static void report(VirtualService vs, String kind, int r, String name, boolean noMatch,
                               List<MatchCoverage.Entry<At>> byPrior, List<MatchCoverage.Entry<At>> bySame,
                               java.util.function.IntFunction<String> matchText,
                               java.util.function.Function<At, String> coverText, Reporter out) {
        boolean allByPrior = true;
        boolean any = false;
        for (int j = 0; j < byPrior.size(); j++) {
            allByPrior &= byPrior.get(j) != null;
            any |= byPrior.get(j) != null || bySame.get(j) != null;
        }
        if (!any) {
            return; // the usual case: the rule's name and pointer are made only for a finding
        }
        String rule = kind + "[" + r + "]" + (name == null || name.isEmpty() ? "" : " \"" + name + "\"");
        String pointer = "/spec/" + kind + "/" + r;
        if (allByPrior) {
            reportRule(vs, rule, pointer, noMatch, byPrior, coverText, out);
            return;
        }
        for (int j = 0; j < byPrior.size(); j++) {
            MatchCoverage.Entry<At> e = byPrior.get(j) != null ? byPrior.get(j) : bySame.get(j);
            if (e != null) {
                reportMatch(vs, kind, r, rule, pointer, j, e.tag(), matchText, coverText, out);
            }
        }
    }

    /** The whole rule is covered by earlier ones. */
    private static void reportRule(VirtualService vs, String rule, String pointer, boolean noMatch,
                                   List<MatchCoverage.Entry<At>> byPrior,
                                   java.util.function.Function<At, String> coverText, Reporter out) {
        Set<String> by = new LinkedHashSet<>();
        byPrior.forEach(e -> by.add(coverText.apply(e.tag())));
        String message = "VirtualService rule " + rule + " is never used: " + (noMatch
                ? "it has no match, and earlier rule " + String.join(", ", by) + " already matches everything"
                : "everything it matches is matched first by " + String.join(", ", by));
        out.report(vs, pointer, Severity.WARNING, message, "Remove " + rule + ", or move it before "
                + String.join(", ", by) + " and make it more specific; Envoy uses the first route that matches.");
    }

    /** Match {@code j} of rule {@code r} is covered by {@code cover}. */
    private static void reportMatch(VirtualService vs, String kind, int r, String rule, String pointer, int j, At cover,
                                    java.util.function.IntFunction<String> matchText,
                                    java.util.function.Function<At, String> coverText, Reporter out) {
        String message = "VirtualService rule " + rule + " match " + j + matchText.apply(j)
                + " is never used: " + coverText.apply(cover) + " matches everything it matches"
                + (cover.rule() == r ? " (same rule: the match is redundant)" : " first");
        out.report(vs, pointer + "/match/" + j, Severity.INFO, message,
                cover.rule() == r ? "Remove the redundant match." : "Remove the match, or move " + rule
                        + " before " + kind + "[" + cover.rule() + "] if it should win.");
    }

    private static String describe(VirtualService vs, At at) {
        HttpRoute rule = vs.http().get(at.rule());
        String name = rule.name() == null || rule.name().isEmpty() ? "" : " \"" + rule.name() + "\"";
        if (at.match() < 0) {
            return "http[" + at.rule() + "]" + name + " (no match)";
        }
        return "http[" + at.rule() + "]" + name + " match " + at.match() + describe(rule.match().get(at.match()));
    }

    /** {@code  (prefix /api, method GET)}: the match's conditions, or empty for none. */
    static String describe(HttpMatch m) {
        if (m == null) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (m.uri() != null) {
            j.add(text(m.uri()) + (m.ignoreUriCase() ? " ignoring case" : ""));
        }
        if (m.method() != null) {
            j.add("method " + text(m.method()));
        }
        if (m.authority() != null) {
            j.add("authority " + text(m.authority()));
        }
        if (m.port() != 0) {
            j.add("port " + m.port());
        }
        if (!m.headers().isEmpty()) {
            j.add("headers " + new java.util.TreeSet<>(m.headers().keySet()));
        }
        if (!m.queryParams().isEmpty()) {
            j.add("query " + new java.util.TreeSet<>(m.queryParams().keySet()));
        }
        if (!m.gateways().isEmpty()) {
            j.add("gateways " + m.gateways());
        }
        return j.toString();
    }

    private static String describe(L4Match m) {
        if (m == null) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (m.port() != 0) {
            j.add("port " + m.port());
        }
        if (!m.sniHosts().isEmpty()) {
            j.add("sniHosts " + m.sniHosts());
        }
        if (!m.gateways().isEmpty()) {
            j.add("gateways " + m.gateways());
        }
        return j.toString();
    }

    private static String text(StringMatch s) {
        return s.type().field() + " " + s.value();
    }
}

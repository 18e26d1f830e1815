package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0513: a {@code uri} or {@code authority} match written in a form no request can have (lint catalogue §5 A.2;
 * neither istioctl nor Kiali checks it, Istio accepts the VirtualService). Envoy compares {@code uri} with the
 * request path, which always starts with {@code /}, so an exact or prefix {@code uri} without the leading slash
 * ({@code prefix: api}) never matches; and {@code authority} with the Host header ({@code host[:port]}), so a value
 * with a scheme or a path ({@code https://example.com}, {@code example.com/api}) never matches either.
 */
public final class MatchFormRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0513", "match-form", Severity.WARNING,
            "A uri match without a leading / or an authority match with a scheme or path never matches a request.",
            List.of(), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (HttpStringMatches.Condition c : HttpStringMatches.of(vs)) {
                StringMatch m = c.match();
                if (m.type() == StringMatch.Type.REGEX || m.value().isEmpty()) {
                    continue;
                }
                if (c.field().equals("uri") && !m.value().startsWith("/")) {
                    out.report(vs, c.valuePointer(), "uri " + m.type().field() + " \"" + m.value()
                                    + "\" does not start with /: request paths always do, so this match never matches",
                            "Write \"/" + m.value() + "\".");
                } else if (c.field().equals("authority") && (m.value().contains("://") || m.value().contains("/"))) {
                    String host = m.value().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("/.*$", "");
                    out.report(vs, c.valuePointer(), "authority " + m.type().field() + " \"" + m.value()
                                    + "\" has a scheme or a path: the authority (Host header) is host[:port] only, so "
                                    + "this match never matches",
                            "Write \"" + host + "\", and match the path with uri.");
                }
            }
        }
    }
}

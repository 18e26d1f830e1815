package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.HttpRedirect;
import io.gwctl.model.istio.HttpRewrite;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0511: an http rule whose actions Istio's validation rejects (lint catalogue §2.2 "redirect, rewrite and fault
 * checks", §5 A.2; IST0106), with Istio's messages: route together with redirect or directResponse, redirect with
 * rewrite or fault, a rule with no action at all, a redirect that changes nothing or has a code that is not 3xx or a
 * scheme other than http/https, a rewrite with both {@code uri} and {@code uriRegexRewrite}, with neither of them nor
 * an authority, or a {@code uriRegexRewrite} lacking {@code match} or {@code rewrite}.
 */
public final class RedirectRewriteRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0511", "redirect-rewrite-invalid", Severity.ERROR,
            "An http rule combines actions Istio rejects, or has an incomplete redirect or rewrite.",
            List.of("IST0106"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (int i = 0; i < vs.http().size(); i++) {
                checkRule(vs, i, vs.http().get(i), out);
            }
        }
    }

    private static void checkRule(VirtualService vs, int i, HttpRoute r, Reporter out) {
        String p = "/spec/http/" + i;
        String rule = "http[" + i + "]";
        String hint = "Istio's admission webhook rejects this VirtualService; ";
        boolean route = !r.route().isEmpty();
        if (r.hasRedirect()) {
            if (route) {
                out.report(vs, p + "/redirect", "HTTP route cannot contain both route and redirect (" + rule + ")",
                        hint + "keep either the redirect or the route.");
            }
            if (r.hasFault()) {
                out.report(vs, p + "/redirect", "HTTP route cannot contain both fault and redirect (" + rule + ")",
                        hint + "move the fault injection to a rule that routes.");
            }
            if (r.hasDirectResponse()) {
                out.report(vs, p + "/directResponse", "HTTP route cannot contain both direct_response and redirect ("
                        + rule + ")", hint + "keep either the redirect or the direct response.");
            }
            if (r.rewrite() != null) {
                out.report(vs, p + "/rewrite", "HTTP route rule cannot contain both rewrite and redirect (" + rule
                        + ")", hint + "put the new path in redirect.uri and drop the rewrite.");
            }
            checkRedirect(vs, p + "/redirect", rule, r.redirect(), hint, out);
        } else if (r.hasDirectResponse()) {
            if (route) {
                out.report(vs, p + "/directResponse", "HTTP route cannot contain both route and direct_response ("
                        + rule + ")", hint + "keep either the direct response or the route.");
            }
        } else if (!route && r.delegateName() == null) {
            out.report(vs, p, "HTTP route, redirect or direct_response is required (" + rule + ")",
                    hint + "add a route destination, a redirect or a directResponse.");
        }
        if (r.rewrite() != null) {
            checkRewrite(vs, p + "/rewrite", rule, r.rewrite(), hint, out);
        }
    }

    private static void checkRedirect(VirtualService vs, String p, String rule, HttpRedirect rd, String hint,
                                      Reporter out) {
        if (rd == null) {
            return;
        }
        if (isEmpty(rd.uri()) && isEmpty(rd.authority()) && isEmpty(rd.scheme()) && rd.port() == 0
                && isEmpty(rd.derivePort())) {
            out.report(vs, p, "redirect must specify URI, authority, scheme, or port (" + rule + ")",
                    hint + "say where to redirect, e.g. scheme: https.");
        }
        if (rd.redirectCode() != 0 && (rd.redirectCode() < 300 || rd.redirectCode() > 399)) {
            out.report(vs, p + "/redirectCode", rd.redirectCode() + " is not a valid redirect code, must be 3xx ("
                    + rule + ")", hint + "use 301, 302, 303, 307 or 308.");
        }
        if (!isEmpty(rd.scheme()) && !rd.scheme().equals("http") && !rd.scheme().equals("https")) {
            out.report(vs, p + "/scheme", "invalid redirect scheme, must be \"http\" or \"https\" (" + rule
                    + " has \"" + rd.scheme() + "\")", hint + "write http or https in lower case.");
        }
    }

    private static void checkRewrite(VirtualService vs, String p, String rule, HttpRewrite rw, String hint,
                                     Reporter out) {
        if (!isEmpty(rw.uri()) && rw.hasUriRegexRewrite()) {
            out.report(vs, p + "/uriRegexRewrite", "rewrite may only contain one of URI or UriRegexRewrite (" + rule
                    + ")", hint + "keep uri or uriRegexRewrite.");
        } else if (isEmpty(rw.uri()) && !rw.hasUriRegexRewrite() && isEmpty(rw.authority())) {
            out.report(vs, p, "rewrite must specify at least one of URI, UriRegexRewrite, or authority (" + rule
                    + ")", hint + "remove the empty rewrite or say what to rewrite.");
        }
        if (rw.hasUriRegexRewrite() && (isEmpty(rw.uriRegexMatch()) || rw.uriRegexRewrite() == null)) {
            out.report(vs, p + "/uriRegexRewrite", "UriRegexRewrite requires both Rewrite and Match fields to be "
                    + "specified (" + rule + ")", hint + "give uriRegexRewrite both match and rewrite.");
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}

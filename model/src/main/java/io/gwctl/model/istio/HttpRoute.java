package io.gwctl.model.istio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One {@code http[]} rule. {@code hasRedirect}/{@code hasDirectResponse} record the action kind;
 * {@code delegate} is the {@code name/namespace} pair of a delegate VirtualService or null. {@code redirect},
 * {@code rewrite} and {@code corsAllowOrigins} (an entry is null when it sets no match) hold what schema validation
 * looks at (null or empty when absent, and for routes the translator rebuilds); {@code hasFault} records a
 * {@code fault} block; {@code directResponseStatus} is {@code directResponse.status} (0 when absent).
 *
 * <p>A value class with a record's accessors, equality and text, laid out for size: a repository has a million
 * of these at 100,000 Gateways, and most set none of the mirror, delegate, redirect, rewrite, CORS and direct
 * response parts, which are kept apart ({@link Rest}, null when all are absent): 32 bytes a rule instead of 56.
 */
public final class HttpRoute {
    private static final byte REDIRECT = 1;
    private static final byte DIRECT_RESPONSE = 2;
    private static final byte FAULT = 4;

    private final String name;
    private final List<HttpMatch> match;
    private final List<RouteDestination> route;
    private final Rest rest;
    private final byte flags;

    /** The parts most rules do not set. */
    private record Rest(Destination mirror, String delegateName, String delegateNamespace, HttpRedirect redirect,
                        HttpRewrite rewrite, List<StringMatch> corsAllowOrigins, int directResponseStatus) {
    }

    public HttpRoute(String name, List<HttpMatch> match, List<RouteDestination> route, boolean hasRedirect,
                     boolean hasDirectResponse, Destination mirror, String delegateName,
                     String delegateNamespace, HttpRedirect redirect, HttpRewrite rewrite, boolean hasFault,
                     List<StringMatch> corsAllowOrigins, int directResponseStatus) {
        this.name = name;
        this.match = List.copyOf(match);
        this.route = List.copyOf(route);
        this.flags = (byte) ((hasRedirect ? REDIRECT : 0) | (hasDirectResponse ? DIRECT_RESPONSE : 0)
                | (hasFault ? FAULT : 0));
        // An origin without exact/prefix/regex stays as null, so that indexes keep matching the YAML.
        // (An empty list is the shared List.of(): most routes have no CORS policy.)
        List<StringMatch> origins = corsAllowOrigins == null || corsAllowOrigins.isEmpty() ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(corsAllowOrigins));
        this.rest = mirror == null && delegateName == null && delegateNamespace == null && redirect == null
                && rewrite == null && origins.isEmpty() && directResponseStatus == 0 ? null
                : new Rest(mirror, delegateName, delegateNamespace, redirect, rewrite, origins, directResponseStatus);
    }

    /** A rule without the details only schema validation reads (the translator's rebuilt routes). */
    public HttpRoute(String name, List<HttpMatch> match, List<RouteDestination> route, boolean hasRedirect,
                     boolean hasDirectResponse, Destination mirror, String delegateName, String delegateNamespace) {
        this(name, match, route, hasRedirect, hasDirectResponse, mirror, delegateName, delegateNamespace, null, null,
                false, List.of(), 0);
    }

    public String name() {
        return name;
    }

    public List<HttpMatch> match() {
        return match;
    }

    public List<RouteDestination> route() {
        return route;
    }

    public boolean hasRedirect() {
        return (flags & REDIRECT) != 0;
    }

    public boolean hasDirectResponse() {
        return (flags & DIRECT_RESPONSE) != 0;
    }

    public Destination mirror() {
        return rest == null ? null : rest.mirror();
    }

    public String delegateName() {
        return rest == null ? null : rest.delegateName();
    }

    public String delegateNamespace() {
        return rest == null ? null : rest.delegateNamespace();
    }

    public HttpRedirect redirect() {
        return rest == null ? null : rest.redirect();
    }

    public HttpRewrite rewrite() {
        return rest == null ? null : rest.rewrite();
    }

    public boolean hasFault() {
        return (flags & FAULT) != 0;
    }

    public List<StringMatch> corsAllowOrigins() {
        return rest == null ? List.of() : rest.corsAllowOrigins();
    }

    public int directResponseStatus() {
        return rest == null ? 0 : rest.directResponseStatus();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HttpRoute r && flags == r.flags && Objects.equals(name, r.name)
                && match.equals(r.match) && route.equals(r.route) && Objects.equals(rest, r.rest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, match, route, rest, flags);
    }

    /** The text a record of the same components would have. */
    @Override
    public String toString() {
        return "HttpRoute[name=" + name + ", match=" + match + ", route=" + route + ", hasRedirect=" + hasRedirect()
                + ", hasDirectResponse=" + hasDirectResponse() + ", mirror=" + mirror() + ", delegateName="
                + delegateName() + ", delegateNamespace=" + delegateNamespace() + ", redirect=" + redirect()
                + ", rewrite=" + rewrite() + ", hasFault=" + hasFault() + ", corsAllowOrigins=" + corsAllowOrigins()
                + ", directResponseStatus=" + directResponseStatus() + "]";
    }
}

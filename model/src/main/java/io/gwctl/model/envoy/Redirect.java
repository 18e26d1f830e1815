package io.gwctl.model.envoy;

/**
 * A route's {@code redirect} action: each part null (or 0) when the request's own is kept. {@code pathRedirect}
 * replaces the whole path, {@code prefixRewrite} only the matched prefix; {@code responseCode} is the HTTP status
 * (Envoy's default {@code MOVED_PERMANENTLY} is 301); {@code portFromRequest} is Istio's
 * {@code derivePort: FROM_REQUEST_PORT}.
 */
public record Redirect(String scheme, String host, int port, String pathRedirect, String prefixRewrite,
                       int responseCode, boolean stripQuery, boolean portFromRequest) {
}

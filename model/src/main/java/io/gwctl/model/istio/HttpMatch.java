package io.gwctl.model.istio;

import java.util.List;
import java.util.Map;

/**
 * One {@code http[].match[]} entry. {@code uri}, {@code method}, {@code authority}, {@code scheme} may be null;
 * {@code port} is 0 when absent. Header-like conditions (headers, withoutHeaders, method, authority, scheme) and
 * query parameters matter for catch-all detection (spec §7.2) but are not printed by istioctl.
 */
public record HttpMatch(String name, StringMatch uri, StringMatch method, StringMatch authority, StringMatch scheme,
                        Map<String, StringMatch> headers, Map<String, StringMatch> withoutHeaders,
                        Map<String, StringMatch> queryParams, int port, List<String> gateways,
                        Map<String, String> sourceLabels, String sourceNamespace, boolean ignoreUriCase) {
    public HttpMatch {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        withoutHeaders = withoutHeaders == null ? Map.of() : Map.copyOf(withoutHeaders);
        queryParams = queryParams == null ? Map.of() : Map.copyOf(queryParams);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        sourceLabels = sourceLabels == null ? Map.of() : Map.copyOf(sourceLabels);
    }

    /** True when Envoy gets header or query matchers for this match. */
    public boolean hasHeaderOrQueryConditions() {
        return !headers.isEmpty() || !withoutHeaders.isEmpty() || !queryParams.isEmpty()
                || method != null || authority != null || scheme != null;
    }
}

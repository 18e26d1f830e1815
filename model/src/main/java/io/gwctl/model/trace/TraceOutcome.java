package io.gwctl.model.trace;

import io.gwctl.model.envoy.WeightedCluster;
import java.util.List;

/**
 * Where a traced request ends. {@code clusters} for {@link Kind#CLUSTER}, {@link Kind#TCP_PROXY} and
 * {@link Kind#TLS_PASSTHROUGH} (one, weight 0) or weighted clusters; {@code location} for a redirect;
 * {@code status} the HTTP status (404, the redirect code, the direct response's; 0 when unknown or not HTTP);
 * {@code reason} says why a request is not served.
 */
public record TraceOutcome(Kind kind, List<WeightedCluster> clusters, String location, int status, String reason) {
    /** The ways a request can end. */
    public enum Kind {
        CLUSTER(true), TCP_PROXY(true), TLS_PASSTHROUGH(true), REDIRECT(true), DIRECT_RESPONSE(true),
        NOT_FOUND(false), NO_LISTENER(false), NO_FILTER_CHAIN(false), UNKNOWN(false);

        private final boolean served;

        Kind(boolean served) {
            this.served = served;
        }

        /** True when the gateway sends the request somewhere or answers it on purpose (not a 404 or a reset). */
        public boolean served() {
            return served;
        }
    }

    public TraceOutcome {
        clusters = List.copyOf(clusters);
        location = location == null ? "" : location;
        reason = reason == null ? "" : reason;
    }

    static TraceOutcome failure(Kind kind, int status, String reason) {
        return new TraceOutcome(kind, List.of(), "", status, reason);
    }
}

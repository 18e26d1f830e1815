package io.gwctl.model.trace;

import io.gwctl.model.envoy.RuleSource;
import java.util.List;

/**
 * One step of a trace: what kind of Envoy object was chosen, a short description of it
 * ({@code 0.0.0.0:8080}, {@code SNI: a.example.com}, {@code prefix /api}) and the Istio configuration behind it,
 * when known.
 */
public record TraceStep(Kind kind, String description, List<RuleSource> sources) {
    /** The Envoy objects a request passes, in order. */
    public enum Kind {
        LISTENER("listener"), FILTER_CHAIN("filter chain"), ROUTE_CONFIGURATION("route configuration"),
        VIRTUAL_HOST("virtual host"), ROUTE("route");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The words used in text output and JSON. */
        public String label() {
            return label;
        }
    }

    public TraceStep {
        sources = List.copyOf(sources);
    }
}

package io.gwctl.model.trace;

import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.VirtualHost;
import java.util.List;

/**
 * The way one request takes through a gateway: the steps in order, the outcome, notes (assumptions gwctl made,
 * routes it could not evaluate), and the virtual host and route chosen (null when none, e.g. TCP).
 */
public record Trace(TraceRequest request, List<TraceStep> steps, TraceOutcome outcome, List<String> notes,
                    VirtualHost virtualHost, Route route) {
    public Trace {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}

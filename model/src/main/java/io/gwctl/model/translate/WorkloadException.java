package io.gwctl.model.translate;

import java.util.List;

/** The gateway workload named on the command line does not exist or is ambiguous; the message lists candidates. */
public class WorkloadException extends Exception {
    private final List<String> candidates;

    public WorkloadException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The gateway workloads the user could have meant, as {@code pod/NAME.NAMESPACE}. */
    public List<String> candidates() {
        return candidates;
    }
}

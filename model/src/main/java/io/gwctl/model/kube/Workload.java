package io.gwctl.model.kube;

import io.gwctl.model.Resource;
import java.util.List;
import java.util.Map;

/** A Pod or a Deployment seen as the pods it runs: labels, namespace and containers. */
public interface Workload extends Resource {
    /** The labels of the pods (a Pod's labels or a Deployment's pod template labels). */
    Map<String, String> podLabels();

    List<Container> containers();

    /** True when {@code ISTIO_META_UNPRIVILEGED_POD} parses as true in any container's env. */
    default boolean unprivileged() {
        for (Container c : containers()) {
            String v = c.env().get("ISTIO_META_UNPRIVILEGED_POD");
            if (v != null && parseGoBool(v)) {
                return true;
            }
        }
        return false;
    }

    /** Go's strconv.ParseBool truthy values. */
    static boolean parseGoBool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            default -> false;
        };
    }
}

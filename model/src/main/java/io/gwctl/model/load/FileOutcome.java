package io.gwctl.model.load;

import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import java.util.List;
import java.util.Map;

/**
 * What reading one input produced, kept in input order by the loader. {@code read} is false when it was not read;
 * {@code gatewayApiGateways} names the Gateway API Gateways among the skipped documents.
 */
record FileOutcome(List<Resource> resources, List<LoadProblem> problems, int documents,
                   Map<String, Integer> skippedKinds, boolean read, List<ResourceRef> gatewayApiGateways) {

    static FileOutcome failed(LoadProblem problem) {
        return new FileOutcome(List.of(), List.of(problem), 0, Map.of(), false, List.of());
    }
}

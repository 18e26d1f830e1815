package io.gwctl.model.install;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;

/**
 * An {@code IstioOperator} ({@code install.istio.io/v1alpha1}), reduced to the gateways it installs: every
 * {@code spec.components.ingressGateways[]} and {@code egressGateways[]} entry and the profile's default gateways,
 * with {@code spec.values.gateways.*} and the chart defaults applied as the operator applies them.
 */
public record IstioOperator(ObjectMeta metadata, Origin origin, SourceMap source, List<GatewayComponent> gateways)
        implements Resource {
    public IstioOperator {
        gateways = List.copyOf(gateways);
    }

    @Override
    public Kind kind() {
        return Kind.ISTIO_OPERATOR;
    }
}

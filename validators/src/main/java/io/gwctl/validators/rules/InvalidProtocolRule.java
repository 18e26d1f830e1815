package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Set;

/**
 * GW0504: a server port's protocol must be one Istio knows ({@code protocol.Parse}, case-insensitive; lint
 * catalogue §2.2). Istio's message lists fewer protocols than it accepts, so the hint gives the full list.
 */
public final class InvalidProtocolRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0504", "invalid-protocol", Severity.ERROR,
            "A server port's protocol is not one Istio accepts.", List.of("IST0106"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        if (s.port() == null || s.port().parsedProtocol() != Protocol.UNSUPPORTED) {
            return;
        }
        String written = s.port().protocol() == null ? "" : s.port().protocol();
        out.report(g, s.pointer() + "/port/protocol",
                "invalid protocol \"" + written + "\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, "
                        + "REDIS, MYSQL, TCP (server " + s.index() + ", port " + s.port().number() + ")",
                "use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, MONGO, REDIS, MYSQL "
                        + "(case-insensitive); Istio's admission webhook rejects this Gateway");
    }
}

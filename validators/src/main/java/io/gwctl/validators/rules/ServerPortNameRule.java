package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GW0509: a server's port name starts with its protocol, {@code <protocol>[-suffix]} ({@code https-shop} on HTTPS;
 * TCP servers may use any name), the convention Kiali's Gateway port checker applies
 * ({@code business/checkers/gateways/port_checker.go}, {@code MatchPortNameRule}). Unlike Kiali, any HTTP-family
 * name fits an HTTP-family protocol: {@code http2} on an HTTP server is the name of the stock ingress Service's port
 * 80 and Istio's own samples use it. A name that names another protocol ({@code tcp-sni-1} on a TLS server,
 * {@code http} on HTTPS) misleads readers and the tools that read names. Info, without an alias: istiod ignores
 * Gateway port names except to name HTTPS route configurations, and Kiali has not run this check on Gateways since
 * 2019 (lint catalogue §3.1; its KIA0601 is reported on Service ports, see GW0203).
 */
public final class ServerPortNameRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0509", "server-port-name", Severity.INFO,
            "A server's port name does not start with its protocol (<protocol>[-suffix]).", List.of(),
            Set.of(Kind.GATEWAY));

    /** Names that fit every HTTP-family protocol (HTTP, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY). */
    private static final List<String> HTTP_FAMILY = List.of("http", "http2", "grpc", "grpc-web");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        if (s.port() == null || !isSet(s.port().name()) || s.port().parsedProtocol() == Protocol.UNSUPPORTED) {
            return; // GW0504/GW0505
        }
        String protocol = s.port().protocol().toLowerCase(Locale.ROOT);
        String name = s.port().name();
        if (protocol.equals("tcp") || protocol.equals("udp") || matches(name, protocol)) {
            return;
        }
        if (s.port().parsedProtocol().isHttp() && HTTP_FAMILY.stream().anyMatch(p -> matches(name, p))) {
            return;
        }
        out.report(g, s.pointer() + "/port/name", "port name \"" + name + "\" does not follow <protocol>[-suffix] "
                        + "for protocol " + s.port().protocol() + " (server " + s.index() + ", port "
                        + s.port().number() + ")",
                "name the port " + protocol + " or " + protocol + "-<suffix> (e.g. " + protocol + "-"
                        + s.port().number() + "); istiod does not read the name, but people and tools do");
    }

    /** Kiali's {@code MatchPortNameRule}: the name starts with the protocol, then nothing or {@code -suffix}. */
    static boolean matches(String name, String protocol) {
        return name.startsWith(protocol) && (name.length() == protocol.length()
                || name.charAt(protocol.length()) == '-');
    }
}

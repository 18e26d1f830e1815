package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Set;

/**
 * GW0505: a server needs a port with a number in 1..65535 and a name (Istio's {@code validateServerPort}, lint
 * catalogue §2.2); {@code targetPort} is ignored on Gateways (a warning). A Unix-socket {@code bind} may use port
 * 0. istiod skips a server without a port entirely (translation spec §5.2).
 */
public final class InvalidPortRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0505", "invalid-port", Severity.ERROR,
            "A server's port is missing, out of range or unnamed.", List.of(), Set.of(Kind.GATEWAY))
            .withAliases(Severity.ERROR, "IST0106").withAliases(Severity.WARNING, "IST0133");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        String p = s.pointer() + "/port";
        if (s.port() == null) {
            out.report(g, s.pointer(), "port is required (server " + s.index() + ")",
                    "add port: {number: 80, name: http, protocol: HTTP} (or the port this server should listen on); "
                            + "istiod ignores a server without a port");
            return;
        }
        int n = s.port().number();
        boolean unixBind = s.bind() != null && s.bind().startsWith("unix://");
        if ((n < 1 || n > 65535) && !(n == 0 && unixBind)) {
            // Whether the number is left out is read from the positions; an object without them (read from a cluster)
            // has its 0 taken as written.
            boolean absent = n == 0 && g.source().size() > 0 && !g.source().has(p + "/number");
            out.report(g, absent ? p : p + "/number", (absent ? "port number is required" : "port number " + n
                    + " must be in the range 1..65535") + " (server " + s.index() + ")",
                    "set port.number to the port clients connect to, between 1 and 65535");
        }
        if (!isSet(s.port().name())) {
            out.report(g, p, "port name must be set: number " + n + ", protocol "
                            + (s.port().protocol() == null ? "(none)" : s.port().protocol()) + " (server " + s.index()
                            + ")",
                    "add port.name, unique within the Gateway (e.g. http, https-example); HTTPS route names use it");
        }
        if (s.port().targetPort() > 0) {
            out.report(g, p + "/targetPort", Severity.WARNING, "targetPort has no impact on Gateways (server "
                            + s.index() + ", targetPort " + s.port().targetPort() + ")",
                    "remove targetPort; the listener port comes from the gateway Service's port→targetPort mapping "
                            + "of port.number");
        }
    }
}

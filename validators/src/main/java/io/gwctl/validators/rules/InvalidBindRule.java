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
 * GW0508: a server's {@code bind} must be an IP address, or {@code unix://} and an absolute socket path (or an
 * {@code @abstract} name) with port number 0 (Istio's {@code validateServerBind}, lint catalogue §2.2). A host name
 * is not accepted: the gateway binds a listener to an address of its pod, and istiod never resolves names for it.
 */
public final class InvalidBindRule extends ServerRule {
    private static final String UNIX = "unix://";
    private static final RuleInfo INFO = new RuleInfo("GW0508", "invalid-bind", Severity.ERROR,
            "A server's bind is neither an IP address nor a unix:// socket with port 0.", List.of("IST0106"),
            Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        String bind = s.bind();
        if (bind == null || bind.isEmpty()) {
            return;
        }
        String where = " (server " + s.index() + ", " + describePort(s) + ")";
        String pointer = s.pointer() + "/bind";
        if (!bind.startsWith(UNIX)) {
            if (!IstioNames.isIpAddress(bind)) {
                out.report(g, pointer, bind + " is not a valid IP" + where,
                        "bind takes an IP address of the gateway pod (e.g. 0.0.0.0 or the pod IP) or unix:///path; "
                                + "to serve a host name list it under hosts");
            }
            return;
        }
        String error = IstioNames.unixAddressError(bind.substring(UNIX.length()));
        if (error != null) {
            out.report(g, pointer, error + where, "write the socket as unix:///absolute/path (or unix://@name)");
        }
        if (s.port() != null && s.port().number() != 0) {
            out.report(g, s.pointer() + "/port/number", "port number must be 0 for unix domain socket: number "
                            + s.port().number() + where,
                    "set port.number: 0; a unix domain socket has no port");
        }
    }
}

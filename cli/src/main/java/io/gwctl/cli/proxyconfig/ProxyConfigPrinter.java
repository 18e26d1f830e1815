package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.ListenerTableRenderer;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;
import java.io.IOException;
import java.io.Writer;

/** Prints {@link ProxyConfigData} as istioctl does: a table for {@code short}, a protojson-style dump otherwise. */
final class ProxyConfigPrinter {
    private ProxyConfigPrinter() {
    }

    static void listeners(ProxyConfigData data, String format, ListenerFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format.equals("short")) {
            ListenerTableRenderer.render(data.listeners(), filter, verbose, false, out);
            return;
        }
        throw new GwctlException(ExitCodes.USAGE, "-o " + format + " is not available in this build");
    }

    static void routes(ProxyConfigData data, String format, RouteFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format.equals("short")) {
            RouteTableRenderer.render(data.routeConfigs(), filter, verbose, false, out);
            return;
        }
        throw new GwctlException(ExitCodes.USAGE, "-o " + format + " is not available in this build");
    }
}

package io.gwctl.cli.proxyconfig;

import io.gwctl.renderers.envoy.EnvoyJsonRenderer;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.ListenerTableRenderer;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;
import java.io.IOException;
import java.io.Writer;

/**
 * Prints {@link ProxyConfigData} as istioctl does (spec §1): a table for {@code -o short}, istioctl's protojson
 * dump for {@code json} and {@code yaml}.
 */
final class ProxyConfigPrinter {
    private ProxyConfigPrinter() {
    }

    static void listeners(ProxyConfigData data, String format, ListenerFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format.equals("short")) {
            ListenerTableRenderer.render(data.listeners(), filter, verbose, false, out);
        } else {
            EnvoyJsonRenderer.renderListeners(data.listeners(), filter, dumpFormat(format), out);
        }
    }

    static void routes(ProxyConfigData data, String format, RouteFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format.equals("short")) {
            RouteTableRenderer.render(data.routeConfigs(), filter, verbose, false, out);
        } else {
            EnvoyJsonRenderer.renderRouteConfigs(data.routeConfigs(), filter, dumpFormat(format), out);
        }
    }

    private static EnvoyJsonRenderer.Format dumpFormat(String format) {
        return format.equals("json") ? EnvoyJsonRenderer.Format.JSON : EnvoyJsonRenderer.Format.YAML;
    }
}

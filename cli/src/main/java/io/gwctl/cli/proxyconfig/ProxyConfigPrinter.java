package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.options.EnumNames;
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
    /** istioctl proxy-config's {@code -o} values; the only list of them (docs/output-formats.md names the same). */
    enum Format {
        /** The tables, byte for byte as istioctl prints them; the default. */
        SHORT,
        /** An array of Envoy messages in protojson, as {@code istioctl proxy-config ... -o json}. */
        JSON,
        /** The same array converted to YAML, as istioctl does. */
        YAML
    }

    /** The -o values of listener and route: {@link Format}'s constants. */
    static final class Formats extends EnumNames<Format> {
        Formats() {
            super(Format.class);
        }
    }

    private ProxyConfigPrinter() {
    }

    static void listeners(ProxyConfigData data, Format format, ListenerFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format == Format.SHORT) {
            ListenerTableRenderer.render(data.listeners(), filter, verbose, false, out);
        } else {
            EnvoyJsonRenderer.renderListeners(data.listeners(), filter, dumpFormat(format), out);
        }
    }

    static void routes(ProxyConfigData data, Format format, RouteFilter filter, boolean verbose, Writer out)
            throws IOException {
        if (format == Format.SHORT) {
            RouteTableRenderer.render(data.routeConfigs(), filter, verbose, false, out);
        } else {
            EnvoyJsonRenderer.renderRouteConfigs(data.routeConfigs(), filter, dumpFormat(format), out);
        }
    }

    private static EnvoyJsonRenderer.Format dumpFormat(Format format) {
        return format == Format.JSON ? EnvoyJsonRenderer.Format.JSON : EnvoyJsonRenderer.Format.YAML;
    }
}

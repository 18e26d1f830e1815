package io.gwctl.cli.proxyconfig;

import java.io.PrintWriter;

/** Prints {@link ProxyConfigData} as istioctl does: a table for {@code short}, a protojson-style dump otherwise. */
final class ProxyConfigPrinter {
    private ProxyConfigPrinter() {
    }

    static void listeners(ProxyConfigData data, String format, int port, String address, String type,
                          boolean verbose, PrintWriter out) {
        throw new UnsupportedOperationException("not wired yet");
    }

    static void routes(ProxyConfigData data, String format, String name, boolean verbose, PrintWriter out) {
        throw new UnsupportedOperationException("not wired yet");
    }
}

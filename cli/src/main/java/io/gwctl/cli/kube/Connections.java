package io.gwctl.cli.kube;

/** Why a connection failed, in the words a person checks first (refused, unknown host, TLS, timeout). */
final class Connections {
    private Connections() {
    }

    static String describe(Throwable t) {
        Throwable last = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
                return "connection refused";
            }
            if (c instanceof java.net.UnknownHostException) {
                return "unknown host " + c.getMessage();
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed: " + c.getMessage();
            }
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            last = c;
        }
        String m = last.getMessage();
        return last.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}

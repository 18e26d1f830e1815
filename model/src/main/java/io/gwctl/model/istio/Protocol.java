package io.gwctl.model.istio;

/** Istio's protocol names, parsed case-insensitively as {@code protocol.Parse} does. */
public enum Protocol {
    HTTP, HTTPS, GRPC, GRPC_WEB, HTTP2, HTTP_PROXY, MONGO, REDIS, MYSQL, TCP, TLS, UDP, UNSUPPORTED;

    public static Protocol parse(String s) {
        if (s == null) {
            return UNSUPPORTED;
        }
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "http": return HTTP;
            case "https": return HTTPS;
            case "grpc": return GRPC;
            case "grpc-web": return GRPC_WEB;
            case "http2": return HTTP2;
            case "http_proxy": return HTTP_PROXY;
            case "mongo": return MONGO;
            case "redis": return REDIS;
            case "mysql": return MYSQL;
            case "tcp": return TCP;
            case "tls": return TLS;
            case "udp": return UDP;
            default: return UNSUPPORTED;
        }
    }

    /** HTTP-family: HTTP, HTTP2, GRPC, GRPC-Web, HTTP_PROXY ({@code Instance.IsHTTP}). */
    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == GRPC || this == GRPC_WEB || this == HTTP_PROXY;
    }

    /** TCP-family protocols that Envoy serves with tcp_proxy ({@code Instance.IsTCP}). */
    public boolean isTcp() {
        return this == TCP || this == HTTPS || this == TLS || this == MONGO || this == REDIS || this == MYSQL;
    }
}

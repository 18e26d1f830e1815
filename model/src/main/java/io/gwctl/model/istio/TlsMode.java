package io.gwctl.model.istio;

/** Gateway server TLS modes. An omitted mode is PASSTHROUGH (enum value 0), see spec §5.4. */
public enum TlsMode {
    PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL, INVALID;

    public static TlsMode parse(String s) {
        if (s == null || s.isEmpty()) {
            return PASSTHROUGH;
        }
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }

    public boolean isPassthrough() {
        return this == PASSTHROUGH || this == AUTO_PASSTHROUGH;
    }
}

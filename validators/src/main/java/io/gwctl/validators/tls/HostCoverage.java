package io.gwctl.validators.tls;

import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate's names ({@link io.gwctl.model.tls.CertificateInfo#names}) cover a Gateway server's hosts
 * (lint catalogue §5 C.3, "SANs cover the server hosts"), as clients match them (RFC 6125: a leading {@code *.}
 * label covers exactly one label).
 */
public final class HostCoverage {
    private HostCoverage() {
    }

    /**
     * The Gateway host as a client would send it: the {@code ns/} prefix removed and lower-cased; null for hosts no
     * certificate is expected to cover ({@code *} alone).
     */
    public static String hostToCheck(String gatewayHost) {
        int slash = gatewayHost.indexOf('/');
        String h = (slash >= 0 ? gatewayHost.substring(slash + 1) : gatewayHost).toLowerCase(Locale.ROOT);
        return h.isEmpty() || h.equals("*") ? null : h;
    }

    /**
     * True when one of {@code names} covers {@code host}: equal, or a wildcard name {@code *.a.com} and a host of
     * exactly one more label ({@code x.a.com}, or the wildcard host {@code *.a.com} itself).
     */
    public static boolean covers(List<String> names, String host) {
        for (String n : names) {
            if (n.equals(host)) {
                return true;
            }
            if (n.startsWith("*.")) {
                String suffix = n.substring(1);
                if (host.endsWith(suffix)) {
                    String first = host.substring(0, host.length() - suffix.length());
                    if (!first.isEmpty() && !first.contains(".") && !first.equals("*")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

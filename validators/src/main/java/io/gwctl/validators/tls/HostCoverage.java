package io.gwctl.validators.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate's names cover a Gateway server's hosts (lint catalogue §5 C.3, "SANs cover the server
 * hosts"): the DNS and IP subjectAltNames, or the subject CN when the certificate has no DNS/IP SAN, as clients
 * match them (RFC 6125: a leading {@code *.} label covers exactly one label).
 */
public final class HostCoverage {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostCoverage() {
    }

    /** The names clients match against: DNS and IP SANs, or the CN when there are none. Lower-cased. */
    public static List<String> names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if ((type == SAN_DNS || type == SAN_IP) && san.get(1) instanceof String v) {
                        names.add(v.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable SAN extension covers nothing; the CN fallback below still applies.
        }
        if (names.isEmpty()) {
            String cn = commonName(c);
            if (cn != null) {
                names.add(cn.toLowerCase(Locale.ROOT));
            }
        }
        return names;
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

    private static String commonName(X509Certificate c) {
        try {
            LdapName dn = new LdapName(c.getSubjectX500Principal().getName());
            for (Rdn rdn : dn.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}

package io.gwctl.model.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What the checks read from one certificate of a credential's chain, kept instead of the certificate itself.
 *
 * @param subject   the subject's DN as RFC 2253 prints it, for messages
 * @param notBefore start of the validity period
 * @param notAfter  end of the validity period
 * @param names     the names clients match against (lint catalogue §5 C.3, "SANs cover the server hosts"): the DNS
 *                  and IP subjectAltNames, or the subject CN when there are none; lower-cased
 */
public record CertificateInfo(String subject, Instant notBefore, Instant notAfter, List<String> names) {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    public CertificateInfo {
        names = List.copyOf(names);
    }

    /** The summary of a parsed certificate. */
    public static CertificateInfo of(X509Certificate c) {
        return new CertificateInfo(subject(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), names(c));
    }

    static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    private static List<String> names(X509Certificate c) {
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

    private static String commonName(X509Certificate c) {
        try {
            LdapName dn = new LdapName(subject(c));
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

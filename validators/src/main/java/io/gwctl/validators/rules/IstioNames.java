package io.gwctl.validators.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The name and address checks of Istio's admission webhook for Gateway servers (istio/istio
 * {@code pkg/config/validation/agent}: {@code ValidateNamespaceSlashWildcardHostname},
 * {@code ValidateWildcardDomain}, {@code ValidatePartialWildCard}, {@code ValidateIPAddress};
 * {@code pkg/config/validation}: {@code ValidateUnixAddress}), returning Istio's messages. Labels follow Istio's
 * {@code labels.IsDNS1123Label}, which accepts upper case.
 */
final class IstioNames {
    private IstioNames() {
    }

    /** Every error Istio reports for one Gateway server host ({@code [namespace/]dnsName}); empty when valid. */
    static List<String> gatewayHostErrors(String host) {
        List<String> errs = new ArrayList<>();
        int slash = host.indexOf('/');
        if (slash < 0) {
            hostnamePartErrors(host, errs);
            return errs;
        }
        String ns = host.substring(0, slash);
        String name = host.substring(slash + 1);
        if (ns.isEmpty() || name.isEmpty()) {
            errs.add("config namespace and dnsName in host entry cannot be empty");
        }
        if (!ns.equals("*") && !ns.equals(".") && !isLabel(ns)) {
            errs.add("invalid namespace value \"" + ns + "\" in gateway");
        }
        hostnamePartErrors(name, errs);
        return errs;
    }

    /** Istio's {@code validateSidecarOrGatewayHostnamePart} for a Gateway: FQDN, wildcard domain or IP. */
    private static void hostnamePartErrors(String h, List<String> errs) {
        if (!h.equals("*") && !h.contains(".")) {
            errs.add("short names (non FQDN) are not allowed");
        }
        String domain = wildcardDomainError(h);
        if (domain != null && !isIpAddress(h)) { // a Gateway host may be an IP address
            errs.add(domain);
        }
        if (h.contains("*") && h.length() != 1 && !h.startsWith("*.")) {
            errs.add("partial wildcard \"" + h + "\" not allowed");
        }
    }

    /** Istio's {@code ValidateWildcardDomain}: a DNS name whose first label may be a wildcard; null when valid. */
    static String wildcardDomainError(String domain) {
        if (domain.length() > 255) {
            return "domain name \"" + domain + "\" too long (max 255)";
        }
        if (domain.isEmpty()) {
            return "empty domain name not allowed";
        }
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        if (!isWildcardLabel(first)) {
            return "domain name \"" + domain + "\" invalid (label \"" + first + "\" invalid)";
        }
        return dot < 0 ? null : labelsError(domain.substring(dot + 1));
    }

    /** Istio's {@code ValidateDNS1123Labels}: no all-numeric top-level domain; a trailing dot is allowed. */
    private static String labelsError(String domain) {
        String[] parts = domain.split("\\.", -1);
        String tld = parts[parts.length - 1];
        if (isAllNumeric(tld)) {
            return "domain name \"" + domain + "\" invalid (top level domain \"" + tld + "\" cannot be all-numeric)";
        }
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                return null; // "istio.io." is an unambiguous name
            }
            if (!isLabel(parts[i])) {
                return "domain name \"" + domain + "\" invalid (label \"" + parts[i] + "\" invalid)";
            }
        }
        return null;
    }

    /**
     * Istio's all-numeric top-level domain, {@code [+-]?[0-9]{1,18}} (what Go's {@code strconv.Atoi} takes), without
     * the regex: {@code String.matches} compiled it for every Gateway host (most of this class's 40 ms of CPU at
     * 10,000 Gateways).
     */
    static boolean isAllNumeric(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A wildcard label: {@code *}, or a DNS label optionally prefixed by {@code *} or {@code *-}. */
    private static boolean isWildcardLabel(String l) {
        if (l.equals("*")) {
            return true;
        }
        if (l.length() > 63) {
            return false;
        }
        String rest = l.startsWith("*-") ? l.substring(2) : l.startsWith("*") ? l.substring(1) : l;
        return isLabel(rest);
    }

    /** Istio's DNS-1123 label: 1..63 letters (either case), digits and {@code -}, no {@code -} at either end. */
    static boolean isLabel(String l) {
        if (l.isEmpty() || l.length() > 63 || l.charAt(0) == '-' || l.charAt(l.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * An IP address as Go's {@code netip.ParseAddr} reads one: dotted-decimal IPv4 without leading zeros, or IPv6
     * (with {@code ::}, an embedded IPv4 tail and a {@code %zone}). No name is ever resolved.
     */
    static boolean isIpAddress(String s) {
        return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s);
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !p.chars()
                    .allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == s.length() - 1) {
                return false;
            }
            s = s.substring(0, zone);
        }
        String rest = s;
        if (s.contains(".")) { // an embedded IPv4 address stands for the last two groups
            int colon = s.lastIndexOf(':');
            if (!isIpv4(s.substring(colon + 1))) {
                return false;
            }
            rest = s.substring(0, colon + 1) + "0:0";
        }
        int groups = 0;
        int gap = rest.indexOf("::");
        if (gap >= 0 && rest.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] halves = gap >= 0 ? new String[] {rest.substring(0, gap), rest.substring(gap + 2)}
                : new String[] {rest};
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String g : half.split(":", -1)) {
                if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                }
                groups++;
            }
        }
        return gap >= 0 ? groups <= 7 : groups == 8;
    }

    /** Istio's {@code ValidateUnixAddress} for the path after {@code unix://}; null when valid. */
    static String unixAddressError(String path) {
        if (path.isEmpty()) {
            return "unix address must not be empty";
        }
        if (path.startsWith("@")) {
            return null; // an abstract socket
        }
        if (!path.startsWith("/") || path.endsWith("/")) {
            return path + " is not an absolute path to a file";
        }
        return null;
    }
}

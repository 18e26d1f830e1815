package io.gwctl.model.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One {@code -----BEGIN TYPE----- ... -----END TYPE-----} block of a PEM file: its type, the decoded bytes
 * ({@code der} is null when the base64 body does not decode) and whether it carries the legacy OpenSSL
 * {@code Proc-Type: 4,ENCRYPTED} header. {@code toString} never shows the bytes.
 */
public record PemBlock(String type, byte[] der, boolean legacyEncrypted) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** The labels of RFC 7468 and OpenSSL's legacy key labels: the only ones a message may show. */
    private static final java.util.Set<String> KNOWN_LABELS = java.util.Set.of("CERTIFICATE", "X509 CRL",
            "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "TRUSTED CERTIFICATE", "PKCS7", "CMS", "PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "ATTRIBUTE CERTIFICATE", "PUBLIC KEY", "RSA PRIVATE KEY", "RSA PUBLIC KEY",
            "EC PRIVATE KEY", "EC PARAMETERS", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "DH PARAMETERS");

    /**
     * The block's label as a message may show it: a standard label as it is, anything else (text from a Secret's
     * data, which may be part of the secret) as {@code (unknown label)}.
     */
    public String label() {
        return KNOWN_LABELS.contains(type) ? type : "(unknown label)";
    }

    /** True when the body decoded. */
    public boolean decoded() {
        return der != null;
    }

    /**
     * The PEM blocks of {@code data}, in order. Text outside blocks is ignored, as Go's {@code pem.Decode} does;
     * a block without its END line is returned with a null body, so that a truncated chain is reported.
     */
    public static List<PemBlock> parseAll(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<PemBlock> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, pos);
            if (begin < 0) {
                return blocks;
            }
            int typeEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = text.indexOf('\n', begin);
            if (typeEnd < 0 || (lineEnd >= 0 && typeEnd > lineEnd)) {
                pos = begin + BEGIN.length();
                continue;
            }
            String type = text.substring(begin + BEGIN.length(), typeEnd);
            int bodyStart = typeEnd + DASHES.length();
            String endMarker = END + type + DASHES;
            int end = text.indexOf(endMarker, bodyStart);
            if (end < 0) {
                blocks.add(new PemBlock(type, null, false));
                return blocks;
            }
            String body = text.substring(bodyStart, end);
            blocks.add(new PemBlock(type, decodeBody(body), body.contains("Proc-Type: 4,ENCRYPTED")));
            pos = end + endMarker.length();
        }
    }

    private static byte[] decodeBody(String body) {
        StringBuilder b64 = new StringBuilder(body.length());
        for (String line : body.split("\n")) {
            String l = line.strip();
            // RFC 1421 headers (Proc-Type, DEK-Info) of legacy encrypted keys are not base64.
            if (!l.isEmpty() && !l.contains(":")) {
                b64.append(l);
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(b64.toString());
            return der.length == 0 ? null : der;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "PemBlock[" + label() + (der == null ? ", undecodable" : ", " + der.length + " bytes") + "]";
    }
}

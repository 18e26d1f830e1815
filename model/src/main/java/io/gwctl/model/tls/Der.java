package io.gwctl.model.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The few DER (ASN.1) operations gwctl needs to turn PKCS#1 and SEC1 private keys into PKCS#8, which is the only
 * encoding Java's {@code KeyFactory} reads. Not a general ASN.1 library: definite lengths only.
 */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    /** {@code [0]} constructed, the SEC1 {@code parameters} field. */
    static final int CONTEXT_0 = 0xa0;

    /** rsaEncryption, 1.2.840.113549.1.1.1. */
    static final byte[] OID_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    static final byte[] OID_EC_PUBLIC_KEY = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Der() {
    }

    /** One encoded element: tag, length, content. */
    static byte[] encode(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            body.writeBytes(c);
        }
        byte[] content = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** True when {@code der} starts with a SEQUENCE tag, as every key and certificate encoding does. */
    static boolean startsWithSequence(byte[] der) {
        return der.length > 0 && (der[0] & 0xff) == SEQUENCE;
    }

    /** Lower-case hex of {@code bytes}. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A PKCS#8 PrivateKeyInfo (version 0) around an encoded algorithm identifier and the inner key encoding. */
    static byte[] pkcs8(byte[] algorithmIdentifier, byte[] innerKey) {
        return encode(SEQUENCE, encode(INTEGER, new byte[] {0}), algorithmIdentifier, encode(OCTET_STRING, innerKey));
    }

    /** A decoded element: its tag and where its content lies in the buffer it was read from. */
    record Element(int tag, byte[] buf, int start, int end) {
        byte[] content() {
            return Arrays.copyOfRange(buf, start, end);
        }

        /** Reads the children of a constructed element. */
        Reader children() {
            return new Reader(buf, start, end);
        }
    }

    /** Reads consecutive elements from {@code [pos, end)}; throws {@link IllegalArgumentException} on bad input. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        Reader(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean hasMore() {
            return pos < end;
        }

        Element next() {
            if (end - pos < 2) {
                throw new IllegalArgumentException("truncated DER");
            }
            int tag = buf[pos++] & 0xff;
            int len = buf[pos++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 4 || end - pos < n) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (buf[pos++] & 0xff);
                }
                if (len < 0) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
            }
            if (end - pos < len) {
                throw new IllegalArgumentException("truncated DER");
            }
            Element e = new Element(tag, buf, pos, pos + len);
            pos += len;
            return e;
        }
    }
}

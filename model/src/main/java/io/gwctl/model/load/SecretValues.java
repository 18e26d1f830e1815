package io.gwctl.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gwctl.model.kube.Secret;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Secret's key names and the text of its TLS values ({@link Secret#TLS_KEYS}) as its {@code data} holds them: the
 * key of a load's table of TLS summaries ({@link ValuePool#tls}). Two Secrets with equal SecretValues read to equal
 * summaries, since the summary depends on nothing else. Its hash reads a few characters of each value, not the
 * kilobytes of base64 (equality compares them all).
 */
final class SecretValues {
    /** {@link Secret#TLS_KEYS} in a fixed order: the slots of {@link #texts}. */
    static final List<String> SLOTS = List.of("tls.crt", "tls.key", "ca.crt", "cert", "key", "cacert");
    private static final int SAMPLE = 24;

    private final Set<String> names;
    private final String[] texts;
    private final int hash;

    private SecretValues(Set<String> names, String[] texts) {
        this.names = names;
        this.texts = texts;
        int h = names.hashCode();
        for (String t : texts) {
            h = 31 * h + (t == null ? 0 : sample(t));
        }
        this.hash = h;
    }

    /**
     * The values of a Secret's {@code data} (an object node), or null when there is nothing to share: no data, or a
     * TLS value that is not text (null, binary), which {@code decodeSecretValue} reads its own way.
     */
    static SecretValues of(JsonNode data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        String[] texts = new String[SLOTS.size()];
        var it = data.fields();
        while (it.hasNext()) {
            var e = it.next();
            names.add(e.getKey());
            int slot = SLOTS.indexOf(e.getKey());
            if (slot >= 0) {
                if (!e.getValue().isTextual()) {
                    return null;
                }
                texts[slot] = e.getValue().textValue();
            }
        }
        return new SecretValues(names, texts);
    }

    /** The Secret's key names, in data's order (not to be changed: they are part of this key). */
    Set<String> names() {
        return names;
    }

        /** Characters held by this key's values (the bound of the table). */
    long chars() {
        long n = 0;
        for (String t : texts) {
            n += t == null ? 0 : t.length();
        }
        return n;
    }

    /** The length and the last characters of a value: base64 of different certificates differs at its end. */
    private static int sample(String t) {
        int h = t.length();
        for (int i = Math.max(0, t.length() - SAMPLE); i < t.length(); i++) {
            h = 31 * h + t.charAt(i);
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValues s && hash == s.hash && Arrays.equals(texts, s.texts) && names.equals(s.names);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}

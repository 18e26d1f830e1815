package io.gwctl.model.tls;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Loads the JDK's X.509 and key code before the first Secret needs it: the first certificate a JVM reads costs
 * about 50 ms (the security providers, the certificate classes, the security event logger), most of a small run's
 * loading. Run on a thread of its own while the command line is parsed, it is off the path that waits. The
 * certificate below is a throwaway self-signed one (CN=gwctl warm-up, RSA 1024), made for this and used for nothing
 * else; its key was not kept. Reading it has no effect but the classes it loads.
 */
public final class TlsWarmUp implements Runnable {
    static final String CERT = """
            -----BEGIN CERTIFICATE-----
            MIICDjCCAXegAwIBAgIUOyytUrdz4iSsSjwaMzYrLDl5xZ4wDQYJKoZIhvcNAQEL
            BQAwGDEWMBQGA1UEAwwNZ3djdGwgd2FybS11cDAgFw0yNjEyMDMxMDI1MzdaGA8y
            MTI2MTEwOTEwMjUzN1owGDEWMBQGA1UEAwwNZ3djdGwgd2FybS11cDCBnzANBgkq
            hkiG9w0BAQEFAAOBjQAwgYkCgYEA2J1raH7UhhCr90IgRwvwyzVQtPJtbKjC+O82
            GbsrXGkP9Ckacq51SFkz0jdqKpiTG6La7WFC+E7OuP30xsgiYVA5bSdVwjw+bqFm
            RpsvE9LkZJgA+p93j3tktULIgNRNkcdSfDgmGHplCM/a9h0UwOqHP9riLD4FHFAS
            2THCdTsCAwEAAaNTMFEwHQYDVR0OBBYEFNvLySF9AfTM2+BdTVn0NeiQbhtoMB8G
            A1UdIwQYMBaAFNvLySF9AfTM2+BdTVn0NeiQbhtoMA8GA1UdEwEB/wQFMAMBAf8w
            DQYJKoZIhvcNAQELBQADgYEAOfHxHMV2Oo4GxEbG2sUFdOTj1xcBLAe6LuuFScQU
            tnFa4swdQo3M1o7mhqd8vSf7YxC0hzm+bfOKoUzksg/DLvW+u+I86s58z9KEBoW/
            91AZ2/rIWUczZy/BDU6xuUnCXEU+UAsCfz/TJlFEgDrlr73cIAk1jNlCtJZNYbNi
            QwA=
            -----END CERTIFICATE-----
            """;
    /** Not a key (no private key belongs in source code): the key's parser is quick to load on its own. */
    private static final byte[] NO_KEY = {'-'};

    @Override
    public void run() {
        try {
            TlsCredential.read(Set.of("tls.crt", "tls.key"), Map.of(
                    "tls.crt", CERT.getBytes(StandardCharsets.US_ASCII),
                    "tls.key", NO_KEY));
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the Secret that needs these classes reports any real problem itself.
        }
    }
}

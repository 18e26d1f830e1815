package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The parts of {@link IstioNames} written out by hand instead of as Istio's regular expressions. */
class IstioNamesTest {
    /** Istio's expression for an all-numeric top-level domain (validation.go, ValidateDNS1123Labels). */
    private static final Pattern ALL_NUMERIC = Pattern.compile("[+-]?[0-9]{1,18}");

    @Test
    void allNumericIsTheRegexOfIstio() {
        for (String s : new String[] {"", "+", "-", "0", "+0", "-7", "++1", "1+", "123456789012345678",
                "1234567890123456789", "+123456789012345678", "-1234567890123456789", "1a", "a1", "io", "1.2", " 1"}) {
            assertThat(IstioNames.isAllNumeric(s)).as("\"%s\"", s).isEqualTo(ALL_NUMERIC.matcher(s).matches());
        }
        String alphabet = "+-0123456789a.";
        Random random = new Random(26);
        int numeric = 0;
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(22);
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                // Mostly digits, so that long all-numeric strings come up.
                b.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            String s = b.toString();
            boolean expected = ALL_NUMERIC.matcher(s).matches();
            assertThat(IstioNames.isAllNumeric(s)).as("\"%s\"", s).isEqualTo(expected);
            numeric += expected ? 1 : 0;
        }
        assertThat(numeric).as("all-numeric strings among the random ones").isGreaterThan(1000);
    }

    @Test
    void aNumericTopLevelDomainIsReportedAndADnsNameIsNot() {
        assertThat(IstioNames.gatewayHostErrors("example.123"))
                .containsExactly("domain name \"123\" invalid (top level domain \"123\" cannot be all-numeric)");
        assertThat(IstioNames.gatewayHostErrors("*.example.com")).isEmpty();
        assertThat(IstioNames.gatewayHostErrors("ns/www.example.io")).isEmpty();
    }
}

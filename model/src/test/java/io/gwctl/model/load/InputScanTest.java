package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link InputReader#scan}, eight bytes at a time, against the byte-by-byte loop it replaced: the first NUL byte
 * wherever it is (in a word, in the tail of fewer than eight bytes, after a non-ASCII byte), else whether every byte
 * is ASCII.
 */
class InputScanTest {
    private static int byBytes(byte[] b) {
        boolean ascii = true;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
            ascii &= b[i] > 0;
        }
        return ascii ? InputReader.ASCII : InputReader.NOT_ASCII;
    }

    @Test
    void agreesWithTheByteLoopOnRandomBytes() {
        Random random = new Random(12);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(48)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (' ' + random.nextInt(90));
            }
            // Now and then a NUL, a byte above 0x7F (0x80 and 0xFF among them) or both, anywhere.
            int marks = random.nextInt(4);
            for (int m = 0; m < marks && b.length > 0; m++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(4)) {
                    case 0 -> b[at] = 0;
                    case 1 -> b[at] = (byte) 0x80;
                    case 2 -> b[at] = (byte) 0xFF;
                    default -> b[at] = (byte) (0x80 + random.nextInt(128));
                }
            }
            assertThat(InputReader.scan(b)).as("case %d", n).isEqualTo(byBytes(b));
        }
    }

    @Test
    void theFirstNulWinsOverEverything() {
        byte[] b = "abcdefgh\u00e9ijklmnop".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(InputReader.scan(b)).isEqualTo(InputReader.NOT_ASCII);
        b[b.length - 1] = 0;
        b[12] = 0;
        assertThat(InputReader.scan(b)).isEqualTo(12);
        // 0x01 next to 0x00 and bytes like 0x80 that the word test borrows from: still the exact first NUL.
        assertThat(InputReader.scan(new byte[] {1, 1, 1, 1, 1, 1, 1, 0, 1})).isEqualTo(7);
        assertThat(InputReader.scan(new byte[] {(byte) 0x80, 0, 1, 1, 1, 1, 1, 1})).isEqualTo(1);
        assertThat(InputReader.scan(new byte[] {})).isEqualTo(InputReader.ASCII);
        assertThat(InputReader.scan(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}))
                .isEqualTo(InputReader.ASCII);
    }
}

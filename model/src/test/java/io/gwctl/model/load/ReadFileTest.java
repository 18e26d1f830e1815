package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A file is read whole into one array of the size the directory walk saw, and still right when it changed since the
 * walk (the walk's size is then wrong), with the size limit counted on the bytes read.
 */
class ReadFileTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final byte[] content = new byte[100_000];

    ReadFileTest() throws IOException {
        new Random(7).nextBytes(content);
        Files.write(fs.getPath("/f.yaml"), content);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private ManifestLoader loader(long max) {
        return new ManifestLoader(new LoadOptions("default", fs, () -> new ByteArrayInputStream(new byte[0]), max));
    }

    private byte[] read(long listed, long max) throws IOException {
        return loader(max).readFile(fs.getPath("/f.yaml"), listed);
    }

    @Test
    void theListedSizeOrNoneReadsTheWholeFile() throws IOException {
        assertThat(read(content.length, 1 << 20)).isEqualTo(content);
        assertThat(read(-1, 1 << 20)).isEqualTo(content);
    }

    @Test
    void aFileThatGrewOrShrankSinceTheWalkIsReadToItsEnd() throws IOException {
        assertThat(read(1, 1 << 20)).as("grew from 1 byte").isEqualTo(content);
        assertThat(read(content.length - 8193, 1 << 20)).as("grew").isEqualTo(content);
        assertThat(read(content.length + 5000, 1 << 20)).as("shrank").isEqualTo(content);
    }

    @Test
    void theLimitCountsTheBytesRead() throws IOException {
        assertThat(read(content.length - 10, content.length)).isEqualTo(content);
        Path f = fs.getPath("/f.yaml");
        assertThatThrownBy(() -> loader(content.length - 1).readFile(f, content.length - 10))
                .isInstanceOf(ManifestLoader.TooLargeException.class).hasMessageContaining("stopped reading there");
        assertThatThrownBy(() -> loader(content.length - 1).readFile(f, content.length))
                .isInstanceOf(ManifestLoader.TooLargeException.class).hasMessageContaining("larger than the");
    }

    @Test
    void anEmptyFileListedAsEmpty() throws IOException {
        Files.write(fs.getPath("/f.yaml"), new byte[0]);
        assertThat(read(0, 1 << 20)).isEmpty();
    }
}

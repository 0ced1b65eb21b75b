package org.tfeval.qual.refi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tfeval.qual.Reference;

/** Validates a document against the REFI-QDA Project.xsd with xmllint, the tool other vendors use. */
final class XmlLint {
    private XmlLint() {}

    static void assertValid(byte[] xml, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("doc-" + System.nanoTime() + ".xml");
        Files.write(file, xml);
        Path xsd = Reference.folder("refi-qda").resolve("Project.xsd");
        Process p = new ProcessBuilder("xmllint", "--noout", "--schema", xsd.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("validates");
    }
}

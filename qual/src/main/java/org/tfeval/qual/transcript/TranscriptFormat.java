package org.tfeval.qual.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tfeval.instrument.workflow.Problem;

/** The transcript file formats tfeval reads, each knowing how to split its file into blocks. */
public enum TranscriptFormat {
    /** Plain text, UTF-8 (Windows-1252 accepted when the bytes are not UTF-8); speakers from {@code Name:} markers. */
    TXT("txt") {
        @Override
        List<Block> blocks(byte[] bytes) {
            return List.of(Block.paragraph(decode(bytes)));
        }
    },
    /** Word document: the paragraphs of word/document.xml (a .docx is a ZIP); speakers from {@code Name:} markers. */
    DOCX("docx") {
        @Override
        List<Block> blocks(byte[] bytes) {
            return List.of(Block.paragraph(String.join("\n", docxParagraphs(bytes))));
        }
    },
    /** WebVTT captions: one block per cue, the speaker from a {@code <v Name>} voice or a {@code Name:} marker. */
    VTT("vtt") {
        @Override
        List<Block> blocks(byte[] bytes) {
            return cues(decode(bytes), true);
        }
    },
    /** SubRip captions: one block per cue, the speaker from a {@code Name:} marker. */
    SRT("srt") {
        @Override
        List<Block> blocks(byte[] bytes) {
            return cues(decode(bytes), false);
        }
    };

    /** Largest decompressed document.xml read from a .docx (a guard against ZIP bombs). */
    public static final long MAX_DOCX_XML_BYTES = 64L << 20;

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final String extension;

    TranscriptFormat(String extension) {
        this.extension = extension;
    }

    abstract List<Block> blocks(byte[] bytes);

    /** Whether the blocks are timed cues (turns are built from cues rather than found in the text). */
    boolean timed() {
        return this == VTT || this == SRT;
    }

    public String extension() {
        return extension;
    }

    /** The format of a file name by its extension. */
    public static TranscriptFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (TranscriptFormat f : values()) {
            if (lower.endsWith("." + f.extension)) return f;
        }
        throw Problem.usage(
                "cannot tell the transcript format of " + fileName, "tfeval reads .txt, .docx, .vtt and .srt files");
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    static List<String> docxParagraphs(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.getName().equals("word/document.xml")) continue;
                byte[] xml = zip.readNBytes((int) Math.min(MAX_DOCX_XML_BYTES + 1, Integer.MAX_VALUE - 8));
                if (xml.length > MAX_DOCX_XML_BYTES) {
                    throw Problem.data("the .docx document is larger than " + (MAX_DOCX_XML_BYTES >> 20) + " MB");
                }
                return paragraphs(xml);
            }
        } catch (IOException e) {
            throw Problem.data("the .docx file is not a readable ZIP archive");
        }
        throw Problem.data("the .docx file has no word/document.xml");
    }

    private static List<String> paragraphs(byte[] xml) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<String> out = new ArrayList<>();
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder p = null;
            boolean inText = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("p")) p = new StringBuilder();
                    else if (n.equals("t") && p != null) inText = true;
                    else if (n.equals("tab") && p != null) p.append('\t');
                    else if ((n.equals("br") || n.equals("cr")) && p != null) p.append('\n');
                } else if (ev == XMLStreamConstants.CHARACTERS && inText && p != null) {
                    p.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("t")) inText = false;
                    else if (n.equals("p") && p != null) {
                        out.add(p.toString());
                        p = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Problem.data("the .docx document XML is not well formed");
        }
        return out;
    }

    static List<Block> cues(String text, boolean vtt) {
        List<Block> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher m = TIMING.matcher(lines[i]);
            if (!m.matches()) {
                i++;
                continue;
            }
            Duration start = time(m.group(1));
            Duration end = time(m.group(2));
            i++;
            List<String> payload = new ArrayList<>();
            while (i < lines.length && !lines[i].isBlank()) payload.add(lines[i++]);
            String speaker = null;
            String joined = String.join(" ", payload);
            if (vtt) {
                Matcher v = VOICE.matcher(joined);
                if (v.find()) speaker = v.group(1).trim();
            }
            joined = unescape(TAG.matcher(joined).replaceAll("")).strip();
            if (!joined.isEmpty()) out.add(new Block(speaker, joined, start, end));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }

    static Duration time(String s) {
        String[] parts = s.replace(',', '.').split(":");
        long h = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        long m = Long.parseLong(parts[parts.length - 2]);
        String[] sec = parts[parts.length - 1].split("\\.");
        long millis = Long.parseLong((sec[1] + "00").substring(0, 3));
        return Duration.ofHours(h)
                .plusMinutes(m)
                .plusSeconds(Long.parseLong(sec[0]))
                .plusMillis(millis);
    }
}

package org.tfeval.qual.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * Reads a transcript file into canonical text and speaker turns. Text files keep their words and
 * line breaks; a turn starts at each line that opens with a speaker marker ({@code Interviewer:},
 * {@code P1:}, {@code Dr. Lopez:}: at most {@value #MAX_MARKER_WORDS} words, each capitalised or a
 * number, so "The thing is: ..." is not a speaker). Caption files become one line per turn
 * ({@code Speaker: words}), consecutive cues of one speaker merged, keeping the first cue's start and
 * the last cue's end.
 */
public final class TranscriptReader {
    /** Most words a speaker label may have. */
    public static final int MAX_MARKER_WORDS = 4;

    /** Largest transcript file read (a 30,000-word transcript is about 200 kB). */
    public static final long MAX_FILE_BYTES = 32L << 20;

    private static final Pattern MARKER =
            Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .'\u2019_-]{0,59}):(?=\\s|$)");

    private TranscriptReader() {}

    /** Reads a file, its format from its extension. */
    public static ParsedTranscript read(Path file) {
        TranscriptFormat format = TranscriptFormat.ofFileName(file.getFileName().toString());
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw Problem.data(file.getFileName() + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            return read(Files.readAllBytes(file), format);
        } catch (IOException e) {
            throw Problem.usage("cannot read " + file, "check the path and its permissions");
        }
    }

    /** Reads a file's bytes in a known format. */
    public static ParsedTranscript read(byte[] bytes, TranscriptFormat format) {
        String fileHash = ContentHash.sha256(bytes);
        List<Block> blocks = format.blocks(bytes);
        return format.timed() ? fromCues(blocks, format, fileHash) : fromText(blocks, format, fileHash);
    }

    /** The speaker a line opens with, or null. */
    static String marker(String line) {
        Matcher m = MARKER.matcher(line);
        if (!m.find()) return null;
        String label = m.group(1).strip();
        String[] words = label.split("\\s+");
        if (words.length > MAX_MARKER_WORDS) return null;
        for (String w : words) {
            int c = w.codePointAt(0);
            if (!Character.isUpperCase(c) && !Character.isDigit(c)) return null;
        }
        return label;
    }

    private static ParsedTranscript fromText(List<Block> blocks, TranscriptFormat format, String fileHash) {
        StringBuilder raw = new StringBuilder();
        for (Block b : blocks) {
            if (raw.length() > 0) raw.append('\n');
            raw.append(b.text());
        }
        CanonicalText text = CanonicalText.of(raw.toString());
        return new ParsedTranscript(text, turnsOf(text), format, fileHash);
    }

    /** Finds the speaker turns of a canonical text by its {@code Name:} markers. */
    public static List<Turn> turnsOf(CanonicalText text) {
        List<Turn> turns = new ArrayList<>();
        String s = text.text();
        String speaker = null;
        int turnStart = -1;
        int lastContentEnd = -1;
        int cp = 0;
        for (String line : s.split("\n", -1)) {
            int lineLen = line.codePointCount(0, line.length());
            String m = marker(line);
            if (m != null || (turnStart < 0 && !line.isBlank())) {
                if (turnStart >= 0) turns.add(turn(turns.size(), speaker, turnStart, lastContentEnd));
                speaker = m == null ? "" : m;
                turnStart = cp;
            }
            if (!line.isBlank()) lastContentEnd = cp + lineLen;
            cp += lineLen + 1;
        }
        if (turnStart >= 0) turns.add(turn(turns.size(), speaker, turnStart, lastContentEnd));
        return turns;
    }

    private static Turn turn(int index, String speaker, int start, int end) {
        return new Turn(index, speaker, new Span(start, end), null, null);
    }

    private static ParsedTranscript fromCues(List<Block> blocks, TranscriptFormat format, String fileHash) {
        record Merged(String speaker, StringBuilder words, Duration start, Duration end) {}
        List<Merged> merged = new ArrayList<>();
        for (Block b : blocks) {
            String speaker = b.speaker();
            String words = nfc(b.text());
            if (speaker == null) {
                String m = marker(words);
                if (m != null) {
                    speaker = m;
                    words = words.substring(words.indexOf(':') + 1).strip();
                } else {
                    speaker = merged.isEmpty()
                            ? ""
                            : merged.get(merged.size() - 1).speaker();
                }
            }
            speaker = nfc(speaker).replaceAll("\\s+", " ");
            if (words.isEmpty()) continue;
            Merged last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.speaker().equals(speaker)) {
                last.words().append(' ').append(words);
                merged.set(merged.size() - 1, new Merged(speaker, last.words(), last.start(), b.end()));
            } else {
                merged.add(new Merged(speaker, new StringBuilder(words), b.start(), b.end()));
            }
        }
        StringBuilder out = new StringBuilder();
        List<Turn> turns = new ArrayList<>();
        int cp = 0;
        for (Merged m : merged) {
            if (out.length() > 0) {
                out.append('\n');
                cp++;
            }
            String line = (m.speaker().isEmpty() ? "" : m.speaker() + ": ")
                    + m.words().toString().replaceAll("\\s+", " ").strip();
            out.append(line);
            int len = line.codePointCount(0, line.length());
            turns.add(new Turn(turns.size(), m.speaker(), new Span(cp, cp + len), m.start(), m.end()));
            cp += len;
        }
        CanonicalText text = CanonicalText.verbatim(out.toString());
        return new ParsedTranscript(text, turns, format, fileHash);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}

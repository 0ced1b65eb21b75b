package org.tfeval.study.protect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;

/**
 * The study folder's register of outputs a withdrawal touches ({@value #FOLDER}): the releases built
 * ({@code releases.jsonl}, one line per release package), the outputs marked superseded by a
 * withdrawal ({@code superseded.jsonl}) and the notices to holders of restricted packages with their
 * acknowledgements ({@code notices.jsonl}). It names snapshot IDs, folders and withdrawal numbers, never
 * a participant's words. A backup carries it like every other study file.
 */
public final class OutputRegister {
    /** The register's folder, relative to the study folder. */
    public static final String FOLDER = "registers";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private OutputRegister(Path dir) {
        this.dir = dir;
    }

    public static OutputRegister of(Path studyDir) {
        return new OutputRegister(studyDir.resolve(FOLDER));
    }

    /** A release package built from a snapshot. */
    public record Release(String dir, String snapshotId, String level, String at) {
        public Release {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(snapshotId, "snapshotId");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An output built while a participant who has since withdrawn was in the data.
     *
     * @param withdrawal the withdrawal's number in the withdrawal register (1 = first)
     * @param kind       snapshot, reports or release
     * @param output     the snapshot ID, or the folder of the reports or release
     * @param at         when it was marked (ISO-8601 instant)
     */
    public record Superseded(int withdrawal, String kind, String output, String at) {
        public Superseded {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A notice to the holders of a restricted package that held a withdrawn participant, and its
     * acknowledgement (null until recorded).
     */
    public record Notice(
            String id, int withdrawal, String release, String text, String acknowledgedBy, String acknowledgedAt) {
        public Notice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(text, "text");
        }

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    public synchronized void recordRelease(Release r) {
        append("releases.jsonl", r);
    }

    public List<Release> releases() {
        return read("releases.jsonl", Release.class);
    }

    public synchronized void markSuperseded(Superseded s) {
        append("superseded.jsonl", s);
    }

    public List<Superseded> superseded() {
        return read("superseded.jsonl", Superseded.class);
    }

    public synchronized void addNotice(Notice n) {
        append("notices.jsonl", n);
    }

    /** Notices with their latest state (an acknowledgement is appended as a new line for the same ID). */
    public List<Notice> notices() {
        java.util.Map<String, Notice> latest = new java.util.LinkedHashMap<>();
        for (Notice n : read("notices.jsonl", Notice.class)) latest.put(n.id(), n);
        return List.copyOf(latest.values());
    }

    /** Records that a notice's holder acknowledged it. */
    public synchronized Notice acknowledge(String noticeId, String holder, Instant at) {
        Notice n = notices().stream()
                .filter(x -> x.id().equals(noticeId))
                .findFirst()
                .orElseThrow(() -> org.tfeval.instrument.workflow.Problem.usage(
                        "no withdrawal notice " + noticeId, "list them with: tfeval participant notices"));
        Notice done = new Notice(n.id(), n.withdrawal(), n.release(), n.text(), holder, at.toString());
        append("notices.jsonl", done);
        return done;
    }

    private void append(String name, Object value) {
        Path f = dir.resolve(name);
        try {
            OwnerOnlyFiles.folder(dir);
            if (!Files.exists(f)) OwnerOnlyFiles.emptyFile(f);
            Files.writeString(
                    f, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the register " + f, e);
        }
    }

    private <T> List<T> read(String name, Class<T> type) {
        Path f = dir.resolve(name);
        List<T> out = new ArrayList<>();
        if (!Files.exists(f)) return out;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(JSON.readValue(line, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register " + f, e);
        }
        return out;
    }
}

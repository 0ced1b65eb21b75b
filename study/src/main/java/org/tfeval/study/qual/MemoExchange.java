package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.refi.QdaProject;
import org.tfeval.store.qual.MemoExchangeTables;
import org.tfeval.store.qual.QualTables;

/**
 * Memos in REFI-QDA projects. Out: a memo becomes a {@code <Note>} (its author as creating user) referenced
 * from what it is on: a segment memo from the coded selection with its span (a selection without codings
 * when none has it), a transcript memo from the text source, a code memo from the code, a participant memo
 * from its case (as a case memo set). Only memos on what the export carries travel: a transcript memo on an
 * older version than the one exported, or on a transcript or participant left out, stays home. In: each note
 * goes back onto what it references, under its GUID, so a second import adds nothing (a note whose memo here
 * has since been edited keeps the words here, and says so in the data-loss report).
 */
final class MemoExchange {
    private MemoExchange() {}

    /** What the export adds: the sources (with selections for memos on uncoded spans), notes and references. */
    record Exported(
            List<QdaProject.TextSource> sources, List<QdaProject.Note> notes, Map<String, List<String>> noteRefs) {}

    /**
     * The memos on what the export carries.
     *
     * @param byTranscript the exported sources by transcript version, in export order
     * @param codes        the exported codes
     * @param cases        the exported cases (name = participant ID)
     * @param userOf       the user GUID for an author (adds the author to the project's users)
     */
    static Exported export(
            Connection c,
            Map<Long, QdaProject.TextSource> byTranscript,
            List<Code> codes,
            List<QdaProject.Case> cases,
            Function<String, String> userOf)
            throws SQLException {
        Map<Long, List<QdaProject.Selection>> selections = new LinkedHashMap<>();
        byTranscript.forEach((id, s) -> selections.put(id, new ArrayList<>(s.selections())));
        Set<String> codeGuids = new java.util.HashSet<>();
        codes.forEach(k -> codeGuids.add(k.guid()));
        Map<String, String> caseOf = new LinkedHashMap<>();
        cases.forEach(k -> caseOf.put(k.name(), k.guid()));
        List<QdaProject.Note> notes = new ArrayList<>();
        Map<String, List<String>> refs = new TreeMap<>();
        for (MemoExchangeTables.ExchangedMemo m : MemoExchangeTables.all(c)) {
            String owner = null;
            switch (m.target()) {
                case "segment":
                    List<QdaProject.Selection> sel = selections.get(m.transcriptId());
                    if (sel == null) break;
                    owner = sel.stream()
                            .filter(s -> s.span().equals(m.span()))
                            .map(QdaProject.Selection::guid)
                            .findFirst()
                            .orElse(null);
                    if (owner == null) {
                        owner = Interviews.guidOf("memo selection " + m.guid());
                        sel.add(new QdaProject.Selection(owner, m.span(), userOf.apply(m.author()), List.of()));
                    }
                    break;
                case "transcript":
                    QdaProject.TextSource src = byTranscript.get(m.transcriptId());
                    owner = src == null ? null : src.guid();
                    break;
                case "code":
                    owner = codeGuids.contains(Code.normaliseGuid(m.code())) ? Code.normaliseGuid(m.code()) : null;
                    break;
                default:
                    owner = caseOf.get(m.participantId());
            }
            if (owner == null) continue;
            notes.add(new QdaProject.Note(m.guid(), "memo on " + m.target(), m.body(), userOf.apply(m.author())));
            refs.computeIfAbsent(owner, k -> new ArrayList<>()).add(Code.normaliseGuid(m.guid()));
        }
        List<QdaProject.TextSource> sources = new ArrayList<>();
        byTranscript.forEach(
                (id, s) -> sources.add(new QdaProject.TextSource(s.guid(), s.name(), s.text(), selections.get(id))));
        return new Exported(sources, notes, refs);
    }

    /**
     * Puts the project's notes back as memos; returns how many were added. A note already here (its GUID) is
     * skipped; one on something not carried, or on nothing tfeval keeps memos on, goes to {@code loss}.
     *
     * @param matched      the codable transcript each carried source went onto, by source GUID
     * @param participants the participant IDs known here
     * @param userNames    user GUID to name (a note's author)
     */
    static int importNotes(
            Connection c,
            QdaProject p,
            Map<String, QualTables.Transcript> matched,
            Set<String> participants,
            Map<String, String> userNames,
            String actor,
            List<String> loss)
            throws SQLException {
        Map<String, String> ownerOf = new LinkedHashMap<>();
        p.noteRefs().forEach((owner, ns) -> {
            for (String n : ns) {
                if (ownerOf.putIfAbsent(n, owner) != null) {
                    loss.add("note " + n + ": a memo is on one thing; its reference from " + owner + " was dropped");
                }
            }
        });
        Map<String, QdaProject.TextSource> sourceOfSelection = new LinkedHashMap<>();
        Map<String, QdaProject.Selection> selections = new LinkedHashMap<>();
        Map<String, QdaProject.TextSource> sources = new LinkedHashMap<>();
        for (QdaProject.TextSource s : p.sources()) {
            sources.put(s.guid(), s);
            for (QdaProject.Selection sel : s.selections()) {
                sourceOfSelection.put(sel.guid(), s);
                selections.put(sel.guid(), sel);
            }
        }
        Set<String> codes = new java.util.HashSet<>();
        p.codes().forEach(k -> codes.add(k.guid()));
        Map<String, String> caseNames = new LinkedHashMap<>();
        p.cases().forEach(k -> caseNames.put(k.guid(), k.name()));
        Map<String, String> here = new LinkedHashMap<>();
        for (MemoExchangeTables.ExchangedMemo m : MemoExchangeTables.all(c))
            here.put(Code.normaliseGuid(m.guid()), m.body());
        Instant at = Instant.now();
        int added = 0;
        for (QdaProject.Note n : p.notes()) {
            if (here.containsKey(n.guid())) {
                if (!here.get(n.guid()).equals(n.text())) {
                    loss.add("note " + n.guid() + ": the memo here has other words; the words here were kept");
                }
                continue;
            }
            String owner = ownerOf.get(n.guid());
            String author = n.creatingUser() == null ? actor : userNames.getOrDefault(n.creatingUser(), actor);
            MemoExchangeTables.ExchangedMemo m = null;
            if (owner == null) {
                loss.add("note " + n.guid() + " (" + n.name() + "): on nothing tfeval keeps memos on; not carried");
                continue;
            } else if (selections.containsKey(owner)) {
                QualTables.Transcript t =
                        matched.get(sourceOfSelection.get(owner).guid());
                if (t != null) {
                    m = new MemoExchangeTables.ExchangedMemo(
                            n.guid(),
                            "segment",
                            t.id(),
                            t.interviewId(),
                            null,
                            selections.get(owner).span(),
                            null,
                            author,
                            n.text());
                }
            } else if (sources.containsKey(owner)) {
                QualTables.Transcript t = matched.get(owner);
                if (t != null) {
                    m = new MemoExchangeTables.ExchangedMemo(
                            n.guid(), "transcript", t.id(), t.interviewId(), null, null, null, author, n.text());
                }
            } else if (codes.contains(owner)) {
                m = new MemoExchangeTables.ExchangedMemo(
                        n.guid(), "code", null, null, null, null, owner, author, n.text());
            } else if (participants.contains(caseNames.get(owner))) {
                m = new MemoExchangeTables.ExchangedMemo(
                        n.guid(), "participant", null, null, caseNames.get(owner), null, null, author, n.text());
            }
            if (m == null) {
                loss.add("note " + n.guid() + " (" + n.name() + "): what it is on was not carried; neither was it");
                continue;
            }
            MemoExchangeTables.insert(c, m, at);
            here.put(n.guid(), n.text());
            added++;
        }
        return added;
    }
}

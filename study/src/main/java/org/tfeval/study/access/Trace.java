package org.tfeval.study.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What tracing a leaked file or folder found: the issues whose marks it carries, and any issue
 * manifest in it with whether its signature verifies.
 *
 * @param filesScanned    files read
 * @param tokensSeen      distinct pseudonym-like tokens in them
 * @param candidates      issues with at least one matching mark, most matches first
 * @param manifests       issue manifests found, verified or not
 */
public record Trace(int filesScanned, int tokensSeen, List<Candidate> candidates, List<ManifestCheck> manifests) {
    /**
     * Pseudonyms of one issue a copy must carry to be attributed to it. A 16-hex-digit token of an
     * unrelated file matches one of the recorded pseudonyms by chance with probability below
     * (recorded pseudonyms) / 2^64; three independent matches leave no doubt, and every data file
     * of an issued package carries at least the task forces' pseudonyms.
     */
    public static final int MIN_PSEUDONYM_MATCHES = 3;

    public Trace {
        candidates = List.copyOf(candidates);
        manifests = List.copyOf(manifests);
    }

    /**
     * An issue the copy matches.
     *
     * @param issueId          the issue
     * @param applicationId    the access it was issued under
     * @param recipient        to whom it was issued
     * @param institution      their institution
     * @param issuedAt         when
     * @param snapshotId       the snapshot released
     * @param pseudonymMatches its pseudonyms found in the copy
     * @param fileMatches      its files found byte for byte in the copy
     */
    public record Candidate(
            String issueId,
            long applicationId,
            String recipient,
            String institution,
            Instant issuedAt,
            String snapshotId,
            long pseudonymMatches,
            long fileMatches) {
        /** Whether the marks found attribute the copy to this issue beyond doubt. */
        public boolean conclusive() {
            return pseudonymMatches >= MIN_PSEUDONYM_MATCHES || fileMatches > 0;
        }
    }

    /**
     * An issue manifest found in the copy.
     *
     * @param file      where
     * @param issueId   the issue it names
     * @param recipient the recipient it names
     * @param verified  whether its signature verifies under the study's key
     * @param logged    whether the transfer log holds that issue
     */
    public record ManifestCheck(String file, String issueId, String recipient, boolean verified, boolean logged) {}

    /** The issues the copy is attributed to (more than one: it mixes packages of several issues). */
    public List<Candidate> attributed() {
        return candidates.stream().filter(Candidate::conclusive).toList();
    }

    /** The one issue the copy came from, when the marks name exactly one. */
    public Optional<Candidate> identified() {
        List<Candidate> a = attributed();
        return a.size() == 1 ? Optional.of(a.get(0)) : Optional.empty();
    }
}

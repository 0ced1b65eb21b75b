package org.tfeval.study.qual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.InterviewSafety;

/**
 * The demo's synthetic interview corpus, clearly labelled SYNTHETIC in every transcript: 143 stakeholder
 * interviews across the task forces with the first study's group mix (60 law enforcement, 23 prosecutors,
 * 55 victim service providers, 5 others), plus a community member and two survivors per site (the
 * follow-up's scale). Each answer is built from templates with planted themes (each group leans on its
 * own themes, so the matrices must recover them) and planted identifiers (names, places, phone numbers,
 * dates, agency names; listed in {@code planted_identifiers.csv} for the protection work to measure its
 * recall), a consent record per participant ({@link #consent}) and, for each survivor, a closing answer
 * only they give ({@link #survivorStory}). A codebook, consensus coding of every planted theme, and a double-coded
 * reliability round on a subset. The transcripts reach codable through the real de-identification workflow: the
 * study's roster (agencies, the county, two task-force staff), suggestions on import, and a scripted review
 * ({@link ScriptedReview}) against the planted list. Deterministic for a seed.
 */
public final class SyntheticInterviews {
    /** The first study's stakeholder interviews by group (law enforcement, prosecutor, VSP, other). */
    public static final int[] STAKEHOLDERS_BY_GROUP = {60, 23, 55, 5};

    /** Transcripts double-coded in the reliability round. */
    public static final int DOUBLE_CODED = 20;

    private static final String[][] THEMES = {
        {"TRUST", "Trust between agencies", "We only started sharing leads once we trusted the other agencies."},
        {
            "CHARGING_OTHER_STATUTES",
            "Charging under other statutes",
            "We often charge promoting prostitution instead because the trafficking statute is hard to prove."
        },
        {"HOUSING", "Emergency housing for survivors", "There is never a shelter bed when we need one at night."},
        {
            "LANGUAGE_ACCESS",
            "Interpreters and language access",
            "We wait days for an interpreter who speaks her language."
        },
        {"FUNDING", "Funding and sustainability", "The grant ends next year and nobody knows what happens then."},
        {"TURNOVER", "Staff turnover", "Every time a detective rotates out we lose the relationships."}
    };

    /** Theme weights by group (1..7): which themes each group talks about, in percent. */
    private static final int[][] LEANING = {
        {70, 40, 10, 10, 30, 60},
        {40, 80, 10, 20, 20, 30},
        {50, 10, 80, 60, 50, 30},
        {40, 20, 30, 20, 60, 20},
        {30, 10, 40, 30, 20, 10},
        {20, 10, 70, 50, 10, 10},
        {10, 5, 60, 40, 10, 5}
    };

    private static final String[] NAMES = {"Maria Lopez", "James Carter", "Aisha Khan", "Tom Nguyen", "Rosa Diaz"};
    private static final String[] PLACES = {"Riverside Motel", "Elm Street", "Fairview County", "Lakeside Mall"};
    private static final String[] AGENCIES = {"Fairview Police Department", "Hope House", "County Sheriff's Office"};

    /** What the step did and how long each part took (milliseconds). */
    public record Summary(
            int participants,
            int transcripts,
            int round,
            long importMillis,
            long codingMillis,
            long agreementMillis,
            ScriptedReview.Figures deidentification) {}

    private final long seed;

    private SyntheticInterviews(long seed) {
        this.seed = seed;
    }

    public static SyntheticInterviews withSeed(long seed) {
        return new SyntheticInterviews(seed);
    }

    /**
     * What a site records before it interviews survivors (the interview import refuses a survivor's
     * interview without it): each site's referral list and each survivor's safe-contact method.
     */
    private static void recordSafety(Study study, List<int[]> people, int sites, String actor) {
        InterviewSafety safety = InterviewSafety.of(study);
        for (int s = 0; s < sites; s++) safety.recordReferralList(site(s), "synthetic-1", actor);
        int[] perSite = new int[sites];
        for (int[] person : people) {
            String pid = site(person[1]) + "-P" + (++perSite[person[1]]);
            if (person[0] >= 6) safety.recordSafeContact(pid, InterviewSafety.ContactMethod.THROUGH_ADVOCATE, actor);
        }
    }

    private static String site(int index) {
        return String.format(Locale.ROOT, "TF%02d", index + 1);
    }

    /** Writes the corpus to {@code dir} and loads it into the study, {@code sites} task forces (TF01...). */
    public Summary run(Study study, Path dir, int sites, String actor, ProgressListener progress) {
        if (sites < 1) throw Problem.usage("the synthetic corpus needs at least one task force", null);
        SplittableRandom rng = new SplittableRandom(seed);
        try {
            Files.createDirectories(dir.resolve("transcripts"));
            StringBuilder participants = new StringBuilder(
                    "PARTICIPANT_ID,TF_ID,STAKEHOLDER_GROUP,AGENCY_LEVEL,TF_ROLE,CONSENT_STATUS,CONSENT_VERSION,SENSITIVITY_TIER\n");
            StringBuilder interviews = new StringBuilder(
                    "INTERVIEW_ID,PARTICIPANT_ID,TF_ID,INTERVIEW_DATE,MODE,INTERVIEWER,PROTOCOL_VERSION,DURATION_MIN\n");
            StringBuilder planted = new StringBuilder("interview,kind,start,end\n");
            StringBuilder consents = new StringBuilder(CONSENT_HEADER);
            List<int[]> people = new ArrayList<>();
            for (int g = 0; g < STAKEHOLDERS_BY_GROUP.length; g++) {
                for (int k = 0; k < STAKEHOLDERS_BY_GROUP[g]; k++) people.add(new int[] {g + 1, people.size() % sites});
            }
            for (int s = 0; s < sites; s++) {
                for (int g = 5; g <= 7; g++) people.add(new int[] {g, s});
            }
            List<Path> files = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<List<Span>> themeSpans = new ArrayList<>();
            List<List<String>> themeCodes = new ArrayList<>();
            int[] perSite = new int[sites];
            for (int[] person : people) {
                int group = person[0];
                String tf = String.format(Locale.ROOT, "TF%02d", person[1] + 1);
                String pid = tf + "-P" + (++perSite[person[1]]);
                String iid = pid + "-I1";
                int tier = group >= 6 ? 3 : group == 5 ? 2 : 1;
                String level = group <= 4 ? Integer.toString(1 + rng.nextInt(5)) : "-7";
                String role = group <= 4 ? Integer.toString(1 + rng.nextInt(3)) : "-7";
                participants
                        .append(String.join(
                                ",", pid, tf, Integer.toString(group), level, role, "1", "v1", Integer.toString(tier)))
                        .append('\n');
                interviews
                        .append(String.join(
                                ",",
                                iid,
                                pid,
                                tf,
                                "2025-0" + (1 + rng.nextInt(9)) + "-1" + rng.nextInt(10),
                                Integer.toString(1 + rng.nextInt(3)),
                                "R0" + (1 + rng.nextInt(4)),
                                "p1",
                                Integer.toString(30 + rng.nextInt(60))))
                        .append('\n');
                consents.append(consent(pid, tf, group)).append('\n');
                StringBuilder text =
                        new StringBuilder("SYNTHETIC TRANSCRIPT (generated for the tfeval demo; no real person)\n");
                List<Span> spans = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                for (int t = 0; t < THEMES.length; t++) {
                    text.append("Interviewer: What can you tell me about ")
                            .append(THEMES[t][1].toLowerCase(Locale.ROOT))
                            .append("?\n");
                    text.append("Respondent: ");
                    if (rng.nextInt(100) < LEANING[group - 1][t]) {
                        int start = text.codePointCount(0, text.length());
                        text.append(THEMES[t][2]);
                        spans.add(new Span(start, text.codePointCount(0, text.length())));
                        codes.add(THEMES[t][0]);
                    } else {
                        text.append("Not much to say about that here.");
                    }
                    if (rng.nextInt(4) == 0) {
                        int kind = rng.nextInt(4);
                        String value = kind == 0
                                ? NAMES[rng.nextInt(NAMES.length)]
                                : kind == 1
                                        ? PLACES[rng.nextInt(PLACES.length)]
                                        : kind == 2
                                                ? String.format(
                                                        Locale.ROOT,
                                                        "(555) 01%d-%04d",
                                                        rng.nextInt(10),
                                                        rng.nextInt(10000))
                                                : AGENCIES[rng.nextInt(AGENCIES.length)];
                        text.append(" I remember talking to ");
                        int start = text.codePointCount(0, text.length());
                        text.append(value);
                        planted.append(iid)
                                .append(',')
                                .append(new String[] {"name", "place", "phone", "agency"}[kind])
                                .append(',')
                                .append(start)
                                .append(',')
                                .append(text.codePointCount(0, text.length()))
                                .append('\n');
                        text.append(" about it on ");
                        int dateStart = text.codePointCount(0, text.length());
                        text.append("March ").append(1 + rng.nextInt(28));
                        planted.append(iid)
                                .append(",date,")
                                .append(dateStart)
                                .append(',')
                                .append(text.codePointCount(0, text.length()))
                                .append('\n');
                        text.append(".");
                    }
                    text.append('\n');
                }
                if (group >= 6) text.append(survivorStory(pid)).append('\n');
                Path f = dir.resolve("transcripts").resolve(iid + ".txt");
                Files.writeString(f, text.toString(), StandardCharsets.UTF_8);
                files.add(f);
                ids.add(iid);
                themeSpans.add(spans);
                themeCodes.add(codes);
            }
            Files.writeString(dir.resolve("participant.csv"), participants);
            Files.writeString(dir.resolve("interview.csv"), interviews);
            Files.writeString(dir.resolve("planted_identifiers.csv"), planted);
            Files.writeString(dir.resolve("consent.csv"), consents);
            require(study.importFile("participant", dir.resolve("participant.csv"), actor, "synthetic corpus", progress)
                    .stored());
            recordSafety(study, people, sites, actor);
            require(study.importFile("interview", dir.resolve("interview.csv"), actor, "synthetic corpus", progress)
                    .stored());
            require(study.importFile("consent", dir.resolve("consent.csv"), actor, "synthetic corpus", progress)
                    .stored());
            Interviews q = Interviews.of(study);
            List<Code> codes = new ArrayList<>();
            Code services = Code.category("Victim services", null);
            Code justice = Code.category("Investigation and prosecution", null);
            Code challenges = Code.category("Challenges", null);
            codes.add(services);
            codes.add(justice);
            codes.add(challenges);
            String[] parents = {
                justice.guid(), justice.guid(), services.guid(), services.guid(), challenges.guid(), challenges.guid()
            };
            for (int t = 0; t < THEMES.length; t++) codes.add(Code.of(THEMES[t][0], parents[t], THEMES[t][1]));
            Path qdc = dir.resolve("codebook.qdc");
            Files.write(qdc, Qdc.write(Codebook.of(codes)));
            q.importCodebook(qdc, actor);
            long t0 = System.nanoTime();
            Deidentification deid = Deidentification.of(study);
            // what the study knows before reading a word: the member agencies, the county, and the
            // task-force staff on its contact list (not every person a respondent may name)
            for (String agency : AGENCIES)
                deid.addRosterEntry(Category.AGENCY, agency, null, actor, Role.PRIVACY_OFFICER);
            deid.addRosterEntry(Category.PLACE, "Fairview County", null, actor, Role.PRIVACY_OFFICER);
            for (String staff : List.of(NAMES[1], NAMES[3])) {
                deid.addRosterEntry(Category.PERSON, staff, null, actor, Role.PRIVACY_OFFICER);
            }
            q.importTranscripts(files, null, actor);
            long t1 = System.nanoTime();
            ScriptedReview.Figures review =
                    ScriptedReview.run(deid, ids, ScriptedReview.planted(dir.resolve("planted_identifiers.csv")));
            long tc = System.nanoTime();
            List<Interviews.Coding> batch = new ArrayList<>();
            int n = Math.min(DOUBLE_CODED, ids.size());
            int round = q.openRound(ids.subList(0, n), List.of("coder1", "coder2"), actor);
            for (int k = 0; k < ids.size(); k++) {
                // the themes' spans in the de-identified text: identifiers before them were replaced by tokens
                org.tfeval.qual.text.CanonicalText rendered = deid.rendered(ids.get(k));
                int cursor = 0;
                for (int j = 0; j < themeSpans.get(k).size(); j++) {
                    String code = themeCodes.get(k).get(j);
                    String sentence = themeSentence(code);
                    int at = rendered.text().indexOf(sentence, cursor);
                    cursor = at + sentence.length();
                    int start = rendered.codePointAt(at);
                    Span s = new Span(start, start + sentence.codePointCount(0, sentence.length()));
                    batch.add(new Interviews.Coding(ids.get(k), s, code, "consensus", null));
                    if (k < n) {
                        batch.add(new Interviews.Coding(ids.get(k), s, code, "coder1", round));
                        // coder 2 misses one theme in ten and trims a few characters off one in three
                        if (rng.nextInt(10) > 0) {
                            int trim = rng.nextInt(3) == 0 ? Math.min(8, s.length() - 1) : 0;
                            batch.add(new Interviews.Coding(
                                    ids.get(k), new Span(s.start() + trim, s.end()), code, "coder2", round));
                        }
                    }
                }
            }
            q.code(batch, actor);
            long t2 = System.nanoTime();
            Rounds.of(study).close(round, ReliabilityRound.standard(), actor); // a finished round
            long t3 = System.nanoTime();
            return new Summary(
                    people.size(),
                    ids.size(),
                    round,
                    (t1 - t0) / 1_000_000,
                    (t2 - tc) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    review);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus to " + dir, e);
        }
    }

    private static String themeSentence(String code) {
        for (String[] t : THEMES) if (t[0].equals(code)) return t[2];
        throw new IllegalArgumentException(code);
    }

    private static final String CONSENT_HEADER = "PARTICIPANT_ID,CONSENT_SEQ,TF_ID,CONSENT_VERSION,CONSENT_DATE,"
            + "CONSENT_QUOTES,CONSENT_ARCHIVING,CONSENT_RECONTACT,CONSENT_SHARE_TF\n";

    /**
     * A participant's consent record: everyone consents to quotes, re-contact and sharing; survivors
     * do not consent to archiving, and every third survivor not to quotes either (so the outputs'
     * consent rules have something to leave out). Derived from the ID, not the random stream.
     */
    static String consent(String pid, String tf, int group) {
        int n = Integer.parseInt(pid.substring(pid.indexOf("-P") + 2));
        boolean survivor = group >= 6;
        String quotes = survivor && n % 3 == 0 ? "0" : "1";
        String archiving = survivor ? "0" : "1";
        return String.join(",", pid, "1", tf, "v1", "2025-01-0" + (1 + n % 9), quotes, archiving, "1", "1");
    }

    /**
     * A closing answer only this survivor gives: words nobody else in the corpus says, so a test can
     * search every output and backup for them after the survivor is removed.
     */
    public static String survivorStory(String pid) {
        int n = 1000 + Math.floorMod(pid.hashCode(), 9000);
        return "Respondent: I still think about the violet lantern on pier " + n
                + " and the tune my sister hummed at the gate.";
    }

    private static void require(boolean stored) {
        if (!stored) throw Problem.internal("the synthetic participant or interview file was refused", null);
    }
}

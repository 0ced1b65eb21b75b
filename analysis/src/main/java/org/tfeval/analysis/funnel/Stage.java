package org.tfeval.analysis.funnel;

import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.tfeval.analysis.data.Conviction;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;

/**
 * One stage of the funnel and how a row's status at that stage is read: {@link Share#EVENT},
 * {@link Share#NO_EVENT} or a missing code.
 *
 * @param name     stage name as reports print it
 * @param status   status of a row at this stage on its own, given the dataset
 * @param previous the stage this one follows on its path (the denominator of "% of previous stage"), or null
 *                 for the first stage; a row reaches a stage only when it reached the previous one (the funnel
 *                 is nested by construction, see {@link #nested})
 */
record Stage(String name, java.util.function.Function<FormData, IntUnaryOperator> status, String previous) {
    Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    Stage(String name, java.util.function.Function<FormData, IntUnaryOperator> status) {
        this(name, status, null);
    }

    Stage after(String p) {
        return new Stage(name, status, p);
    }

    /**
     * The nested status of every stage: a row that did not reach the previous stage has not reached this one
     * (0), a row whose previous stage is unknown is unknown here too (its missing code), and a row that
     * reached the previous stage has its own status. Stages must be listed after their previous stage.
     */
    static List<IntUnaryOperator> nested(List<Stage> stages, FormData f) {
        java.util.Map<String, IntUnaryOperator> done = new java.util.HashMap<>();
        java.util.List<IntUnaryOperator> out = new java.util.ArrayList<>();
        for (Stage s : stages) {
            IntUnaryOperator own = s.status().apply(f);
            IntUnaryOperator op;
            if (s.previous() == null) {
                op = own;
            } else {
                IntUnaryOperator prev = done.get(s.previous());
                if (prev == null)
                    throw new IllegalArgumentException(
                            "stage " + s.name() + " follows " + s.previous() + ", which is not listed before it");
                op = i -> {
                    int p = prev.applyAsInt(i);
                    return p == Share.EVENT ? own.applyAsInt(i) : p;
                };
            }
            done.put(s.name(), op);
            out.add(op);
        }
        return out;
    }

    /** The case-level stages, from the case outcome flags computed from the suspects ({@link StudyData#CASE_OUTCOMES}). */
    static List<Stage> caseStages() {
        return List.of(
                new Stage(OutcomeFunnel.INVESTIGATION, f -> i -> Share.EVENT),
                flag(OutcomeFunnel.ARREST, StudyData.CASE_ARREST).after(OutcomeFunnel.INVESTIGATION),
                flag(OutcomeFunnel.PROSECUTION, StudyData.CASE_PROSECUTION).after(OutcomeFunnel.ARREST),
                flag(OutcomeFunnel.TRAFFICKING_CHARGE, StudyData.CASE_HT_CHARGE).after(OutcomeFunnel.PROSECUTION),
                flag(OutcomeFunnel.HT_CONVICTION, StudyData.CASE_HT_CONVICTION).after(OutcomeFunnel.TRAFFICKING_CHARGE),
                flag(OutcomeFunnel.CONVICTION, StudyData.CASE_CONVICTION).after(OutcomeFunnel.PROSECUTION),
                flag(OutcomeFunnel.SENTENCE, StudyData.CASE_SENTENCE).after(OutcomeFunnel.CONVICTION));
    }

    /**
     * The suspect-level stages. A suspect who did not reach a stage's precondition has not reached
     * the stage (status 0): a suspect not prosecuted was not charged with trafficking.
     */
    static List<Stage> suspectStages(Conviction conviction) {
        return List.of(
                new Stage(OutcomeFunnel.INVESTIGATION, f -> i -> Share.EVENT),
                flag(OutcomeFunnel.ARREST, "S_ARRESTED").after(OutcomeFunnel.INVESTIGATION),
                flag(OutcomeFunnel.PROSECUTION, "S_PROSECUTED").after(OutcomeFunnel.ARREST),
                new Stage(
                                OutcomeFunnel.TRAFFICKING_CHARGE,
                                f -> given(
                                        f,
                                        "S_PROSECUTED",
                                        i -> yesNo(f.code("S_HT_CHARGED").get(i))))
                        .after(OutcomeFunnel.PROSECUTION),
                new Stage(
                                OutcomeFunnel.HT_CONVICTION,
                                f -> given(f, "S_PROSECUTED", i -> {
                                    int h = yesNo(f.code("S_HT_CHARGED").get(i));
                                    if (h != Share.EVENT) return h;
                                    return convicted(
                                            conviction,
                                            f.code(Conviction.DISPOSITION).get(i));
                                }))
                        .after(OutcomeFunnel.TRAFFICKING_CHARGE),
                new Stage(
                                OutcomeFunnel.CONVICTION,
                                f -> given(
                                        f,
                                        "S_PROSECUTED",
                                        i -> convicted(
                                                conviction,
                                                f.code(Conviction.DISPOSITION).get(i))))
                        .after(OutcomeFunnel.PROSECUTION),
                new Stage(
                                OutcomeFunnel.SENTENCE,
                                f -> given(f, "S_PROSECUTED", i -> {
                                    int c = convicted(
                                            conviction,
                                            f.code(Conviction.DISPOSITION).get(i));
                                    if (c != Share.EVENT) return c;
                                    int s = f.code(Conviction.SENTENCE_TYPE).get(i);
                                    return s >= 1 ? Share.EVENT : (s < 0 ? s : Share.NO_EVENT);
                                }))
                        .after(OutcomeFunnel.CONVICTION));
    }

    private static Stage flag(String name, String variable) {
        return new Stage(name, f -> {
            var c = f.code(variable);
            return i -> yesNo(c.get(i));
        });
    }

    private static IntUnaryOperator given(FormData f, String precondition, IntUnaryOperator then) {
        var p = f.code(precondition);
        return i -> {
            int v = p.get(i);
            if (v == 0) return Share.NO_EVENT;
            if (v != 1) return v < 0 ? v : -1;
            return then.applyAsInt(i);
        };
    }

    /** 1 and 0 as they are; any other non-missing value is undocumented (-1). */
    static int yesNo(int v) {
        return v == 0 || v == 1 || v < 0 ? v : -1;
    }

    /** A convicting disposition (trial, plea: from the instrument) is an event, any other coded one not; missing codes stay. */
    static int convicted(Conviction conviction, int disposition) {
        if (conviction.convicts(disposition)) return Share.EVENT;
        if (conviction.notConvicting().contains((long) disposition)) return Share.NO_EVENT;
        return disposition < 0 ? disposition : -1;
    }
}

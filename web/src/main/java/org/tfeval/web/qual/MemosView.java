package org.tfeval.web.qual;

import java.util.List;
import org.tfeval.study.qual.QualCoding;

/**
 * The account's memos on a transcript's screen (also the answer to every memo save), and, after a stale
 * edit, both texts.
 *
 * @param memos      the memos
 * @param conflicted whether the last edit was not applied because the memo had changed
 * @param saved      the memo as saved meanwhile (when conflicted)
 * @param mine       the text of the edit not applied (when conflicted)
 */
public record MemosView(List<QualCoding.Memo> memos, boolean conflicted, QualCoding.Memo saved, String mine) {
    public MemosView {
        memos = List.copyOf(memos);
    }

    static MemosView of(QualCoding.MemoOutcome o) {
        return new MemosView(o.memos(), o.conflicted(), o.saved(), o.mine());
    }
}

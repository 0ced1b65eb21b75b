package org.tfeval.release.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

/** One pass over the rows of a dataset; closing it releases what it holds (a result set, a file). */
public interface RowCursor extends Iterator<Object[]>, Closeable {

    @Override
    void close() throws IOException;

    /** A cursor over an iterator that holds nothing to release. */
    static RowCursor of(Iterator<Object[]> rows) {
        return of(rows, () -> {});
    }

    static RowCursor of(Iterator<Object[]> rows, Closeable onClose) {
        return new RowCursor() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                return rows.next();
            }

            @Override
            public void close() throws IOException {
                onClose.close();
            }
        };
    }
}

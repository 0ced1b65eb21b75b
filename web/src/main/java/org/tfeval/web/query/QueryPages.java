package org.tfeval.web.query;

import java.util.List;
import org.tfeval.study.queries.DataQueries;
import org.tfeval.web.Chrome;

/** The models of the query pages. */
public final class QueryPages {
    private QueryPages() {}

    /**
     * Unsettled queries.
     *
     * @param chrome  the page around it
     * @param caseId  the case filter, or null
     * @param queries the queries
     */
    public record ListPage(Chrome chrome, String caseId, List<DataQueries.Query> queries) {
        public ListPage {
            queries = List.copyOf(queries);
        }
    }

    /**
     * One query and its thread.
     *
     * @param chrome   the page around it
     * @param query    the query
     * @param label    the variable's label, or the record's form label
     * @param messages the thread
     * @param actions  the statuses the session may move it to (value, words)
     * @param mayPost  whether the session may write
     * @param caseHref link to the case file's pass 1
     */
    public record ThreadPage(
            Chrome chrome,
            DataQueries.Query query,
            String label,
            List<DataQueries.Message> messages,
            List<Action> actions,
            boolean mayPost,
            String caseHref) {
        public ThreadPage {
            messages = List.copyOf(messages);
            actions = List.copyOf(actions);
        }
    }

    /** A status a message may move the query to. */
    public record Action(String status, String words) {}

    /**
     * The form to open a query.
     *
     * @param chrome   the page around it
     * @param recordId the record
     * @param record   the record in words
     * @param variable the variable's name, or null
     * @param label    the variable's label
     * @param error    why the last attempt failed, or null
     */
    public record NewPage(Chrome chrome, long recordId, String record, String variable, String label, String error) {}
}

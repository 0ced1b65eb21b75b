package org.tfeval.web.coding;

import java.util.List;
import java.util.Objects;

/**
 * One record's form.
 *
 * @param id         the record
 * @param form       the form's name
 * @param formLabel  the form's label
 * @param key        the record's key
 * @param editable   whether the session may change it
 * @param strict     whether blank required fields are shown as errors (after a completion attempt)
 * @param csrf       the session's CSRF token
 * @param fields     every variable of the form, in form order
 * @param issues     problems of the record as a whole
 * @param removeHref where to post to remove it, or null
 * @param version    the record's version the form shows (sent with every save)
 * @param sections   the same fields laid out as the instrument's sections of the form
 * @param skipSpec   the form's skip logic for the browser ({@code SkipLogicSpec} JSON), blank when the form
 *                   has none, null when the record is not editable
 */
public record RecordView(
        long id,
        String form,
        String formLabel,
        String key,
        boolean editable,
        boolean strict,
        String csrf,
        List<FieldView> fields,
        List<String> issues,
        String removeHref,
        int version,
        List<SectionView> sections,
        String skipSpec) {
    public RecordView {
        Objects.requireNonNull(form, "form");
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        issues = List.copyOf(issues);
    }

    /** Whether the browser shows and hides the record's fields by their skip logic. */
    public boolean skipsInBrowser() {
        return skipSpec != null && !skipSpec.isEmpty();
    }

    /** The fields skip logic makes not applicable, space-separated (the browser keeps it current). */
    public String notApplicable() {
        return String.join(
                " ",
                fields.stream()
                        .filter(f -> f.skippable() && !f.applies())
                        .map(FieldView::name)
                        .toList());
    }

    public String formId() {
        return "form-" + id;
    }

    public String versionId() {
        return "version-" + id;
    }

    public String statusId() {
        return "status-" + id;
    }

    public String issuesId() {
        return "issues-" + id;
    }

    public String anchor() {
        return "rec-" + id;
    }

    public String saveHref() {
        return "/records/" + id;
    }

    public String statusTarget() {
        return "#" + statusId();
    }

    /** Fields that still need a value (entered, applicable, blank). */
    public long left() {
        return fields.stream().filter(FieldView::left).count();
    }

    /** Errors of the record and its fields. */
    public long errorCount() {
        return issues.size() + fields.stream().mapToLong(f -> f.errors().size()).sum();
    }
}

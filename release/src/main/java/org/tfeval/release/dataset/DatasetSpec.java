package org.tfeval.release.dataset;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A dataset to release: its name (used for file names and as the SAS member name), its label and
 * its variables in file order.
 *
 * @param name identifier with the same rules as variable names
 * @param label dataset label, at most {@value VariableSpec#MAX_LABEL_LENGTH} characters
 * @param variables at least one; names unique ignoring case (SPSS and SAS ignore case)
 */
public record DatasetSpec(String name, String label, List<VariableSpec> variables) {

    public DatasetSpec {
        VariableSpec.requireName(name, "dataset name");
        label = Objects.requireNonNullElse(label, "");
        VariableSpec.requireLabel(label, "label of dataset " + name);
        variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " has no variables");
        }
        Set<String> seen = new HashSet<>();
        for (VariableSpec v : variables) {
            if (!seen.add(v.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("dataset " + name + " has two variables named " + v.name()
                        + " (names are compared ignoring case)");
            }
        }
    }

    public static DatasetSpec of(String name, String label, VariableSpec... variables) {
        return new DatasetSpec(name, label, List.of(variables));
    }

    public int size() {
        return variables.size();
    }

    public VariableSpec variable(int index) {
        return variables.get(index);
    }

    public Optional<VariableSpec> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    /**
     * Checks a raw row and returns a new array with every cell in the normal form of {@link
     * VariableSpec#normalise(Object)}.
     *
     * @param rowNumber 1-based, for the error message
     * @throws InvalidRowException naming the row and variable, never the value
     */
    public Object[] normaliseRow(Object[] row, long rowNumber) {
        if (row == null) {
            throw new InvalidRowException(rowNumber, null, InvalidRowException.Reason.NULL_ROW, "row is null");
        }
        if (row.length != variables.size()) {
            throw new InvalidRowException(
                    rowNumber,
                    null,
                    InvalidRowException.Reason.WRONG_ARITY,
                    "row has " + row.length + " cells, the dataset " + variables.size() + " variables");
        }
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            try {
                out[i] = variables.get(i).normalise(row[i]);
            } catch (IllegalArgumentException e) {
                throw new InvalidRowException(
                        rowNumber, variables.get(i).name(), InvalidRowException.Reason.BAD_CELL, e.getMessage());
            }
        }
        return out;
    }

    /**
     * Streams the rows of {@code source} through {@link #normaliseRow} into {@code consumer} and
     * closes the cursor.
     *
     * @return the number of rows
     */
    public long forEachRow(RowSource source, RowConsumer consumer) throws IOException {
        long n = 0;
        try (RowCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                n++;
                consumer.accept(normaliseRow(cursor.next(), n));
            }
        }
        return n;
    }

    /** Receives checked rows; may throw {@link IOException} from the file it writes. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Object[] row) throws IOException;
    }
}

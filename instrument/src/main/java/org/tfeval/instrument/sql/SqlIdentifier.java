package org.tfeval.instrument.sql;

/**
 * The one way tfeval writes a table, column or alias name into SQL (PostgreSQL and DuckDB alike):
 * in double quotes, with a double quote inside doubled. Names come from the instrument, whose
 * loader already allows only letters, digits and {@code _}; quoting keeps SQL correct whatever the
 * name is, so no name can end an identifier and start a statement.
 */
public final class SqlIdentifier {
    private SqlIdentifier() {}

    /**
     * The quoted identifier: {@code victim} becomes {@code "victim"}, {@code a"b} becomes
     * {@code "a""b"}. Quoted names are case-sensitive, so callers pass the name as stored (tfeval's
     * PostgreSQL columns are lower case).
     *
     * @throws IllegalArgumentException for an empty name or one holding a NUL character, which no
     *                                  database accepts in a name
     */
    public static String quote(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("an SQL identifier cannot be empty");
        if (name.indexOf('\0') >= 0)
            throw new IllegalArgumentException("an SQL identifier cannot hold a NUL character");
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

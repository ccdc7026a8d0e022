package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.FieldType;
import java.util.List;

/**
 * Writes a field schema as RFC 4180 CSV: the header {@code name,type,unit,semanticTag,nullable,example} and one row
 * per field, CRLF line ends, fields quoted when they contain a comma, quote, CR or LF. Types are
 * {@link CatalogVocabulary#term(FieldType)}s, tags {@link SemanticTag#term()}s, absent values empty. No byte order mark; encode the
 * text as UTF-8 (spreadsheet users on Windows may want to prepend {@code U+FEFF}). Stateless and thread-safe.
 */
public final class CsvExport {

    public static final String HEADER = "name,type,unit,semanticTag,nullable,example";

    private CsvExport() {}

    public static String write(List<FieldDescription> fields) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (FieldDescription field : fields) {
            csv.append(quote(field.name()))
                    .append(',')
                    .append(CatalogVocabulary.term(field.type()))
                    .append(',')
                    .append(quote(field.unit()))
                    .append(',')
                    .append(
                            field.semanticTag() == null
                                    ? ""
                                    : field.semanticTag().term())
                    .append(',')
                    .append(field.nullable())
                    .append(',')
                    .append(quote(field.example()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

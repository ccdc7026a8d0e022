package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.FieldType;
import io.trustspace.common.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers a field schema (元数据智能识别) from a CSV file: the header names the fields, up to {@code sampleRows} data rows
 * decide each field's type, nullability and example, and the header (plus, for phone and id numbers, the values)
 * suggests a {@link SemanticTag}.
 *
 * <p>Input: RFC 4180 CSV in UTF-8, with or without a byte order mark, comma-separated, CRLF or LF line ends, quoted
 * fields may hold commas, quotes ({@code ""}) and line breaks. Fully empty lines are skipped. Bounded: at most
 * {@value #MAX_BYTES} bytes are read (a longer file is sampled from its first complete lines), at most
 * {@value #MAX_SAMPLE_ROWS} rows sampled, at most {@value #MAX_COLUMNS} columns.
 *
 * <p>Types: a field is the narrowest of {@code integer} (optional sign, digits, no leading zero), {@code decimal},
 * {@code boolean} (true/false, 是/否), {@code date} (2024-03-01, 2024/03/01, 2024/3/1, 2024年3月1日),
 * {@code dateTime} (ISO 8601 with {@code T} or a space, optional seconds, fraction and offset; the date forms above
 * followed by a time, including {@code 8时30分}) that every non-empty value fits, else {@code string}. Empty
 * values, {@code NULL}, {@code null} and {@code \N} are missing values and make the field nullable. Fields tagged as
 * phone or id numbers are always strings (leading zeros and {@code X} check digits matter), and their example is masked.
 * A header's unit in parentheses, {@code 充电量(kWh)} or {@code 费用（元）}, becomes the field's unit; the name stays the
 * header verbatim so it still addresses the column.
 *
 * <p>Failures are {@code INVALID} with the record and line number, e.g. {@code record 4 (line 5) has 7 fields, the
 * header has 8}; an unreadable stream is {@code UNAVAILABLE}. Stateless and thread-safe.
 */
public final class CsvSchemaInference {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_SAMPLE_ROWS = 1000;
    public static final int MAX_COLUMNS = 512;
    static final int MAX_EXAMPLE_CHARS = 64;

    private static final Set<String> NULLS = Set.of("", "NULL", "null", "\\N");
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "TRUE", "FALSE", "True", "False", "是", "否");
    private static final String DATE_PART =
            "(\\d{4})(?:-(\\d{2})-(\\d{2})|/(\\d{1,2})/(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)";
    private static final Pattern DATE = Pattern.compile(DATE_PART);
    private static final Pattern DATE_TIME = Pattern.compile(DATE_PART
            + "(?:[T ]\\s*|\\s*)(\\d{1,2})(?::(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?|时(\\d{1,2})分(?:(\\d{1,2})秒)?)"
            + "(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern MOBILE = Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern UNIT = Pattern.compile(".*?[(（]\\s*([^()（）]+?)\\s*[)）]\\s*$");

    private CsvSchemaInference() {}

    /** Reads at most {@value #MAX_BYTES} bytes of {@code csv} (does not close it) and infers its schema. */
    public static Result<List<FieldDescription>> infer(InputStream csv, int sampleRows) {
        byte[] bytes;
        try {
            bytes = csv.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return Result.unavailable("could not read the CSV: " + e.getMessage());
        }
        return infer(bytes, sampleRows);
    }

    /** Infers the schema of the first {@value #MAX_BYTES} bytes of {@code csv}. */
    public static Result<List<FieldDescription>> infer(byte[] csv, int sampleRows) {
        if (sampleRows < 1 || sampleRows > MAX_SAMPLE_ROWS) {
            return Result.invalid("sampleRows must be between 1 and " + MAX_SAMPLE_ROWS + ", was " + sampleRows);
        }
        int length = csv.length;
        boolean truncated = length > MAX_BYTES;
        if (truncated) {
            // Sample only complete lines; LF (0x0A) never occurs inside a multi-byte UTF-8 sequence.
            length = MAX_BYTES;
            while (length > 0 && csv[length - 1] != '\n') {
                length--;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(csv, 0, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never decodes to more chars than bytes
        CoderResult coded = decoder.decode(in, out, true);
        if (!coded.isError()) {
            coded = decoder.flush(out);
        }
        if (coded.isError()) {
            return Result.invalid("the CSV is not valid UTF-8 at byte offset " + in.position());
        }
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Reader(text, truncated).read(sampleRows);
    }

    /** One pass over the text: records are parsed on demand, so only the sample is held in memory. */
    private static final class Reader {
        private final String text;
        private final boolean truncated;
        private int position;
        private int line = 1;

        Reader(String text, boolean truncated) {
            this.text = text;
            this.truncated = truncated;
        }

        Result<List<FieldDescription>> read(int sampleRows) {
            Result<List<String>> headerResult = next(0);
            if (!headerResult.isOk()) {
                return ((Result.Failure<List<String>>) headerResult).cast();
            }
            List<String> header = headerResult.orElseThrow();
            if (header == null) {
                return Result.invalid("the CSV is empty: no header line");
            }
            if (header.size() > MAX_COLUMNS) {
                return Result.invalid(
                        "the header has " + header.size() + " columns, more than the limit of " + MAX_COLUMNS);
            }
            Set<String> seen = new HashSet<>();
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (name.isEmpty()) {
                    return Result.invalid("header column " + (i + 1) + " has no name");
                }
                if (!seen.add(name)) {
                    return Result.invalid("header column " + (i + 1) + " repeats the name '" + name + "'");
                }
                columns.add(new Column(name));
            }
            for (int record = 1; record <= sampleRows; record++) {
                int startLine = line;
                Result<List<String>> row = next(record);
                if (!row.isOk()) {
                    return ((Result.Failure<List<String>>) row).cast();
                }
                List<String> values = row.orElseThrow();
                if (values == null) {
                    break;
                }
                if (values.size() != columns.size()) {
                    return Result.invalid("record " + record + " (line " + startLine + ") has " + values.size()
                            + " fields, the header has " + columns.size());
                }
                for (int i = 0; i < values.size(); i++) {
                    columns.get(i).accept(values.get(i));
                }
            }
            return Result.ok(columns.stream().map(Column::describe).toList());
        }

        /**
         * The next non-empty record, {@code null} at the end of the text. In a truncated text, an unterminated last
         * record is the cut and counts as the end.
         */
        private Result<List<String>> next(int record) {
            while (true) {
                if (position >= text.length()) {
                    return Result.ok(null);
                }
                int recordLine = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean afterQuote = false;
                boolean fieldStarted = false;
                while (true) {
                    if (position >= text.length()) {
                        if (quoted) {
                            if (truncated) {
                                return Result.ok(null);
                            }
                            return Result.invalid("record " + record + " (line " + recordLine
                                    + ") has a quoted field that never closes");
                        }
                        fields.add(field.toString());
                        break;
                    }
                    char c = text.charAt(position++);
                    if (quoted) {
                        if (c == '"') {
                            if (position < text.length() && text.charAt(position) == '"') {
                                field.append('"');
                                position++;
                            } else {
                                quoted = false;
                                afterQuote = true;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                        continue;
                    }
                    if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        afterQuote = false;
                        fieldStarted = false;
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                            position++;
                        }
                        line++;
                        fields.add(field.toString());
                        break;
                    } else if (afterQuote) {
                        return Result.invalid("record " + record + " (line " + line
                                + ") has text after the closing quote of field " + (fields.size() + 1));
                    } else if (c == '"') {
                        if (fieldStarted) {
                            return Result.invalid("record " + record + " (line " + line + ") has a quote inside"
                                    + " unquoted field " + (fields.size() + 1));
                        }
                        quoted = true;
                        fieldStarted = true;
                    } else {
                        field.append(c);
                        fieldStarted = true;
                    }
                    if (fields.size() > MAX_COLUMNS) {
                        return Result.invalid(
                                (record == 0 ? "the header" : "record " + record + " (line " + recordLine + ")")
                                        + " has more than " + MAX_COLUMNS + " fields");
                    }
                }
                if (fields.size() == 1 && fields.get(0).isEmpty() && !afterQuote) {
                    continue; // an empty line
                }
                return Result.ok(fields);
            }
        }
    }

    /** What the sample says about one column. */
    private static final class Column {
        private final String name;
        private final SemanticTag headerTag;
        private FieldType type; // null until a non-missing value is seen
        private boolean nullable;
        private boolean allMobile = true;
        private boolean allIdNumbers = true;
        private String example;

        Column(String name) {
            this.name = name;
            this.headerTag = SemanticTag.fromHeader(name).orElse(null);
        }

        void accept(String raw) {
            String value = raw.strip();
            if (NULLS.contains(value)) {
                nullable = true;
                return;
            }
            if (example == null) {
                example = value;
            }
            allMobile &= MOBILE.matcher(value).matches();
            allIdNumbers &= ID_NUMBER.matcher(value).matches() && validDate(value.substring(6, 14));
            type = type == null ? typeOf(value) : join(type, typeOf(value));
        }

        FieldDescription describe() {
            SemanticTag tag = headerTag;
            if (example != null && allIdNumbers) {
                tag = SemanticTag.ID_NUMBER;
            } else if (example != null && allMobile && (tag == null || !tag.personalInformation())) {
                tag = SemanticTag.PHONE_NUMBER;
            }
            FieldType fieldType = type == null ? FieldType.STRING : type;
            if (tag == SemanticTag.PHONE_NUMBER || tag == SemanticTag.ID_NUMBER) {
                fieldType = FieldType.STRING;
            }
            String shown = example;
            if (shown != null && tag != null && tag.personalInformation()) {
                shown = mask(shown);
            }
            if (shown != null && shown.length() > MAX_EXAMPLE_CHARS) {
                shown = shown.substring(0, MAX_EXAMPLE_CHARS);
            }
            Matcher unit = UNIT.matcher(name);
            return new FieldDescription(
                    name, null, fieldType, unit.matches() ? unit.group(1) : null, tag, nullable || type == null, shown);
        }
    }

    /** Keeps the first 3 and last 4 characters of long values (138****8000), hides short ones entirely. */
    static String mask(String value) {
        int[] cps = value.codePoints().toArray();
        if (cps.length <= 7) {
            return "*".repeat(cps.length);
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            masked.appendCodePoint(i < 3 || i >= cps.length - 4 ? cps[i] : '*');
        }
        return masked.toString();
    }

    static FieldType typeOf(String value) {
        if (INTEGER.matcher(value).matches()) {
            return FieldType.INTEGER;
        }
        if (DECIMAL.matcher(value).matches() && !value.matches("[+-]?0[0-9]+")) {
            return FieldType.DECIMAL;
        }
        if (BOOLEANS.contains(value)) {
            return FieldType.BOOLEAN;
        }
        Matcher date = DATE.matcher(value);
        if (date.matches() && validDate(date)) {
            return FieldType.DATE;
        }
        Matcher dateTime = DATE_TIME.matcher(value);
        if (dateTime.matches() && validDate(dateTime) && validTime(dateTime)) {
            return FieldType.DATE_TIME;
        }
        return FieldType.STRING;
    }

    private static FieldType join(FieldType a, FieldType b) {
        if (a == b) {
            return a;
        }
        if ((a == FieldType.INTEGER && b == FieldType.DECIMAL) || (a == FieldType.DECIMAL && b == FieldType.INTEGER)) {
            return FieldType.DECIMAL;
        }
        if ((a == FieldType.DATE && b == FieldType.DATE_TIME) || (a == FieldType.DATE_TIME && b == FieldType.DATE)) {
            return FieldType.DATE_TIME;
        }
        return FieldType.STRING;
    }

    private static boolean validDate(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        for (int g = 2; g <= 6; g += 2) {
            if (m.group(g) != null) {
                return validDate(year, Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)));
            }
        }
        return false;
    }

    private static boolean validDate(String yyyymmdd) {
        return validDate(
                Integer.parseInt(yyyymmdd.substring(0, 4)),
                Integer.parseInt(yyyymmdd.substring(4, 6)),
                Integer.parseInt(yyyymmdd.substring(6, 8)));
    }

    private static boolean validDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validTime(Matcher m) {
        int hour = Integer.parseInt(m.group(8));
        String minute = m.group(9) != null ? m.group(9) : m.group(11);
        String second = m.group(9) != null ? m.group(10) : m.group(12);
        try {
            LocalTime.of(hour, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }
}

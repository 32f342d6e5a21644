package be.loket.outreach.internal;

import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a partner's file into header and rows of text, whatever produced it: CSV with comma, semicolon
 * or tab, in UTF-8 (with or without BOM) or Windows-1252 (what spreadsheet programs on Windows write),
 * or the first sheet of an XLSX workbook (read as a stream, so big sheets fit in little memory).
 */
public final class TableReader {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Row of text cells with the line (CSV) or row number (XLSX) the user sees in their program. */
    public record SourceRow(int line, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    public record Table(List<String> headers, List<SourceRow> rows, String format, String charset, String separator) {
    }

    private TableReader() {
    }

    public static Table read(byte[] content) {
        if (content == null || content.length == 0) {
            throw unreadable();
        }
        Table table = isZip(content) ? xlsx(content) : csv(content);
        if (table.headers().stream().allMatch(String::isBlank)) {
            throw unreadable();
        }
        return table;
    }

    static InvalidInputException unreadable() {
        return new InvalidInputException(new FieldViolation("file", "outreach.file.unreadable"));
    }

    private static boolean isZip(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    static Table csv(byte[] bytes) {
        int offset = 0;
        Charset charset;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
            charset = StandardCharsets.UTF_8;
        } else {
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(bytes, offset, bytes.length - offset, charset);
        char separator = separator(text);
        int[] lineStarts = lineStarts(text);
        List<String> headers = null;
        List<SourceRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(new SourceRow(lineOf(lineStarts, record.getCharacterPosition()), cells));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw unreadable();
        }
        if (headers == null) {
            throw unreadable();
        }
        return new Table(headers, rows, "CSV", charset.name(), String.valueOf(separator));
    }

    /** Strict decoding: Windows-1252 text with accents is almost never valid UTF-8. */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The candidate that occurs most often outside quotes in the header line. */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        int bestCount = -1;
        for (char c : new char[] {';', ',', '\t'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < first.length(); i++) {
                char x = first.charAt(i);
                if (x == '"') {
                    quoted = !quoted;
                } else if (x == c && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    static Table xlsx(byte[] bytes) {
        List<List<String>> all = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
            List<String> current;

            @Override
            public void startRow(int rowNum) {
                current = new ArrayList<>();
            }

            @Override
            public void endRow(int rowNum) {
                if (current.stream().anyMatch(s -> !s.isBlank())) {
                    all.add(current);
                    numbers.add(rowNum + 1);
                }
            }

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
                int col = new CellReference(reference).getCol();
                while (current.size() < col) {
                    current.add("");
                }
                current.add(value == null ? "" : value.strip());
            }
        };
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw unreadable();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), handler, new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable();
        }
        if (all.isEmpty()) {
            throw unreadable();
        }
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            rows.add(new SourceRow(numbers.get(i), all.get(i)));
        }
        return new Table(all.get(0), rows, "XLSX", null, null);
    }

    /**
     * Gives dates as yyyy-mm-dd and numbers without grouping and with a decimal comma, whatever display
     * format the sheet uses, so that values parse exactly like a Dutch CSV.
     */
    static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString().replace('.', ',');
        }
    }
}

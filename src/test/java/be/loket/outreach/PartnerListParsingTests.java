package be.loket.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.outreach.internal.Layout;
import be.loket.outreach.internal.ListField;
import be.loket.outreach.internal.RowChecker;
import be.loket.outreach.internal.TableReader;
import be.loket.platform.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading partner files as spreadsheet programs write them, and checking every row with a specific reason. */
class PartnerListParsingTests {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static byte[] fixture(String name) throws IOException {
        try (var in = PartnerListParsingTests.class.getResourceAsStream("/outreach/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsAWindows1252SemicolonExportWithSpreadsheetLineNumbers() throws IOException {
        TableReader.Table t = TableReader.read(fixture("waiting-list-cp1252.csv"));
        assertThat(t.format()).isEqualTo("CSV");
        assertThat(t.charset()).isEqualTo("windows-1252");
        assertThat(t.separator()).isEqualTo(";");
        assertThat(t.headers()).startsWith("Rijksregisternummer", "Naam", "Voornaam");
        assertThat(t.rows()).hasSize(8);
        assertThat(t.rows().get(0).line()).isEqualTo(2);
        assertThat(t.rows().get(0).cell(2)).isEqualTo("Mariëlle");
        assertThat(t.rows().get(3).cell(1)).isEqualTo("Çelik-Wachtlijst");
    }

    @Test
    void readsUtf8WithBomAndCommasAndQuotedDutchAmounts() {
        String csv = "\uFEFFNaam,Voornaam,Geboortedatum,Bedrag achterstal,Maanden achterstal\n"
                + "Test-Ë,Zoë,1980-01-02,\"1.234,56\",3\n\n"
                + "Test-B,Bo,02/03/1981,\"87,5\",1\n";
        TableReader.Table t = TableReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(t.charset()).isEqualTo("UTF-8");
        assertThat(t.separator()).isEqualTo(",");
        assertThat(t.headers().get(0)).isEqualTo("Naam");
        assertThat(t.rows()).extracting(TableReader.SourceRow::line).containsExactly(2, 4);
        var checked = RowChecker.check(t, columns(t, Layout.of(ListType.RENT_ARREARS)), Layout.of(ListType.RENT_ARREARS), TODAY);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.valid().get(0).values()).containsEntry(ListField.ARREARS_AMOUNT, new BigDecimal("1234.56"))
                .containsEntry(ListField.MONTHS_IN_ARREARS, 3).containsEntry(ListField.FIRST_NAME, "Zoë");
        assertThat(checked.valid().get(1).values()).containsEntry(ListField.ARREARS_AMOUNT, new BigDecimal("87.50"))
                .containsEntry(ListField.BIRTH_DATE, LocalDate.of(1981, 3, 2));
    }

    @Test
    void everyBrokenRowIsReportedByLineWithItsReason() throws IOException {
        TableReader.Table t = TableReader.read(fixture("waiting-list-cp1252.csv"));
        Layout layout = Layout.of(ListType.WAITING_LIST);
        var checked = RowChecker.check(t, columns(t, layout), layout, TODAY);
        assertThat(checked.valid()).extracting(RowChecker.ParsedRow::line).containsExactly(2, 3, 4, 5);
        assertThat(checked.errors()).containsExactly(
                new RowChecker.RowError(6, ListField.INSZ, "outreach.error.insz", "12.34.56-789.00"),
                new RowChecker.RowError(7, ListField.BIRTH_DATE, "outreach.error.date", "31/02/1988"),
                new RowChecker.RowError(8, ListField.LAST_NAME, "outreach.error.required", null),
                new RowChecker.RowError(9, ListField.NO_REAL_ESTATE, "outreach.error.yesNo", "misschien"));
        assertThat(checked.invalidRows()).isEqualTo(4);
        assertThat(checked.valid().get(0).values()).containsEntry(ListField.INSZ, "79051412384")
                .containsEntry(ListField.REGISTRATION_DATE, LocalDate.of(2025, 2, 3)).containsEntry(ListField.NO_REAL_ESTATE, true);
    }

    @Test
    void amountsAsBelgianPartnersWriteThem() {
        assertThat(RowChecker.amount("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(RowChecker.amount("€ 1 234,5")).contains(new BigDecimal("1234.50"));
        assertThat(RowChecker.amount("1234.56")).contains(new BigDecimal("1234.56"));
        assertThat(RowChecker.amount("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(RowChecker.amount("1.234")).contains(new BigDecimal("1234.00"));
        assertThat(RowChecker.amount("12,345")).isEqualTo(Optional.empty());
        assertThat(RowChecker.amount("veel")).isEmpty();
        assertThat(RowChecker.amount("1.2.3")).isEmpty();
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithRealDatesAndNumbers() throws IOException {
        byte[] xlsx = workbook(List.of(
                new Object[] {"Klantnummer", "Naam", "Voornaam", "Postcode", "Openstaand bedrag", "Vervaldatum"},
                new Object[] {"W-1", "Xlsx-Test", "Anna", 9990.0, 1234.5, LocalDate.of(2026, 9, 30)},
                new Object[] {},
                new Object[] {"W-2", "Xlsx-Test", "Ben", "9990", "veel", "31/02/2026"}));
        TableReader.Table t = TableReader.read(xlsx);
        assertThat(t.format()).isEqualTo("XLSX");
        assertThat(t.rows()).extracting(TableReader.SourceRow::line).containsExactly(2, 4);
        assertThat(t.rows().get(0).cells()).containsExactly("W-1", "Xlsx-Test", "Anna", "9990", "1234,5", "2026-09-30");
        Layout layout = Layout.of(ListType.WATER_ARREARS);
        var checked = RowChecker.check(t, columns(t, layout), layout, TODAY);
        assertThat(checked.valid()).hasSize(1);
        assertThat(checked.valid().get(0).values()).containsEntry(ListField.ARREARS_AMOUNT, new BigDecimal("1234.50"))
                .containsEntry(ListField.DUE_DATE, LocalDate.of(2026, 9, 30)).containsEntry(ListField.REFERENCE, "W-1");
        assertThat(checked.errors()).extracting(RowChecker.RowError::line, RowChecker.RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "outreach.error.amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "outreach.error.date"));
    }

    @Test
    void refusesWhatIsNoList() {
        assertThatThrownBy(() -> TableReader.read(new byte[0])).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TableReader.read(new byte[] {'P', 'K', 3, 4, 0, 0, 1}))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("outreach.file.unreadable"));
    }

    /** Maps each field to the header the reader guessed, as the preview does. */
    static Map<ListField, Integer> columns(TableReader.Table t, Layout layout) {
        Map<ListField, Integer> columns = new EnumMap<>(ListField.class);
        for (ListField f : layout.fields()) {
            for (int i = 0; i < t.headers().size(); i++) {
                if (f.knows(t.headers().get(i)) && !columns.containsKey(f)) {
                    columns.put(f, i);
                }
            }
        }
        return columns;
    }

    /** Builds an XLSX in memory: strings stay text, doubles become numbers, dates real date cells. */
    static byte[] workbook(List<Object[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Lijst");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    var cell = row.createCell(c);
                    if (values[c] instanceof Double d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(money);
                    } else if (values[c] instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(String.valueOf(values[c]));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

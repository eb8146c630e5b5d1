package io.vpbx.application.users.imports;

import io.vpbx.application.users.imports.ImportFileRejected.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the data rows of an uploaded import file: the first sheet of an xls or xlsx workbook, or a
 * csv (comma or semicolon separated, UTF-8 or Windows-1251 as Excel saves it in Russia). Row 1 is
 * the header and is skipped; fully empty rows are ignored.
 *
 * <p>Everything that could exhaust the server is bounded before it happens: the upload's size, the
 * number of rows (counting stops at the first row over the limit), and for xlsx the zip's inflate
 * ratio and entry size, so a zip bomb is refused instead of being inflated.
 */
public final class ImportFileReader {
    /** At most this many data rows in one file (spec B: a domain has at most 10,000 users). */
    public static final int MAX_ROWS = 10_000;

    /** At most this many bytes uploaded; 10,000 full rows fit in well under this. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** An xlsx part may inflate at most 1/ratio times its compressed size. */
    private static final double MIN_INFLATE_RATIO = 0.01;

    /** No part of an xlsx may inflate beyond this, whatever its ratio. */
    private static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final int maxRows;
    private final long maxBytes;

    public ImportFileReader() {
        this(MAX_ROWS, MAX_BYTES);
    }

    public ImportFileReader(int maxRows, long maxBytes) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /**
     * The file's data rows in order.
     *
     * @param fileName the name it was uploaded under; its extension decides how it is read
     * @throws ImportFileRejected if the file is empty, too large, has too many rows, is not xls,
     *     xlsx or csv, or cannot be read as what its name says
     */
    public List<ImportRow> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportFileRejected(Reason.EMPTY);
        }
        if (content.length > maxBytes) {
            throw new ImportFileRejected(Reason.TOO_LARGE, maxBytes / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<ImportRow> rows;
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            rows = readWorkbook(content);
        } else if (name.endsWith(".csv")) {
            rows = readCsv(content);
        } else {
            throw new ImportFileRejected(Reason.UNSUPPORTED_TYPE);
        }
        return rows;
    }

    private List<ImportRow> readWorkbook(byte[] content) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportFileRejected(Reason.EMPTY);
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<ImportRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>(ImportColumn.values().length);
                for (int c = 0; c < ImportColumn.values().length; c++) {
                    Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                add(rows, ImportRow.of(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (ImportFileRejected rejected) {
            throw rejected;
        } catch (IOException | RuntimeException unreadable) {
            // POI reports a zip bomb, a truncated zip and a file that is no workbook at all
            // through a variety of runtime exceptions; to the admin they are all "cannot be read".
            throw new ImportFileRejected(Reason.CORRUPT);
        }
    }

    private List<ImportRow> readCsv(byte[] content) {
        String text = decode(content);
        if (text.indexOf('\0') >= 0) {
            throw new ImportFileRejected(Reason.CORRUPT);
        }
        char separator = separatorOf(text);
        List<ImportRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int rowNumber = 1;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (rowNumber > 1) {
                    add(rows, ImportRow.of(rowNumber, cells));
                }
                cells = new ArrayList<>();
                rowNumber++;
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new ImportFileRejected(Reason.CORRUPT);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            if (rowNumber > 1) {
                add(rows, ImportRow.of(rowNumber, cells));
            }
        }
        return rows;
    }

    private void add(List<ImportRow> rows, ImportRow row) {
        if (row.isBlank()) {
            return;
        }
        if (rows.size() == maxRows) {
            throw new ImportFileRejected(Reason.TOO_MANY_ROWS, maxRows);
        }
        rows.add(row);
    }

    /** Excel in a Russian locale separates with ';', elsewhere with ','; the header tells which. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String decode(byte[] content) {
        int offset = 0;
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, offset, content.length - offset, WINDOWS_1251);
        }
    }
}

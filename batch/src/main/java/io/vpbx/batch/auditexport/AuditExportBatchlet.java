package io.vpbx.batch.auditexport;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.history.AuditExportWork;
import io.vpbx.application.history.AuditLabels;
import io.vpbx.application.history.HistoryRow;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one export. Restartable by design: a restart writes the whole file again from the stored
 * selection (which is frozen at the request, so the result is the same), into a temporary file that
 * replaces the target only when complete. Progress is reported every page.
 */
@Named("AuditExportBatchlet")
@Dependent
public class AuditExportBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(AuditExportBatchlet.class.getName());
    static final int ROWS_IN_MEMORY = 200;

    @Inject private JobContext jobContext;

    @Inject
    @BatchProperty(name = "exportId")
    private String exportId;

    @Inject
    @BatchProperty(name = "pageSize")
    private String pageSize;

    @Inject private AuditExportWork work;
    @Inject private PlatformSettings settings;

    private volatile boolean stopRequested;

    @Override
    public String process() throws IOException {
        long id = Long.parseLong(exportId);
        AuditExportWork.ExportJob job = work.begin(id, jobContext.getExecutionId());
        try {
            long written = write(job);
            if (stopRequested) {
                work.failed(id);
                return BatchStatus.STOPPED.name();
            }
            work.completed(id, written);
            LOG.info(() -> "Audit export " + id + " wrote " + written + " rows");
            return BatchStatus.COMPLETED.name();
        } catch (IOException | RuntimeException e) {
            work.failed(id);
            throw e;
        }
    }

    private long write(AuditExportWork.ExportJob job) throws IOException {
        AuditLabels labels = AuditLabels.of(job.locale());
        Files.createDirectories(job.target().getParent());
        Path partial = job.target().resolveSibling(job.target().getFileName() + ".part");
        long written = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Sheet sheet = workbook.createSheet(labels.sheetName());
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper()
                            .createDataFormat()
                            .getFormat("dd.mm.yyyy hh:mm:ss"));
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            writeHeader(workbook, sheet, labels);
            Long before = null;
            while (!stopRequested) {
                List<HistoryRow> page = work.rows(job.query(), before, Integer.parseInt(pageSize));
                if (page.isEmpty()) {
                    break;
                }
                for (HistoryRow r : page) {
                    Row row = sheet.createRow((int) ++written);
                    LocalDateTime local =
                            LocalDateTime.ofInstant(r.occurredAt(), settings.displayZone());
                    row.createCell(0).setCellValue(local);
                    row.getCell(0).setCellStyle(dateStyle);
                    row.createCell(1).setCellValue(r.actorIp());
                    row.createCell(2).setCellValue(r.actorLogin());
                    row.createCell(3).setCellValue(r.actorName());
                    row.createCell(4).setCellValue(labels.objectType(r.objectType()));
                    row.createCell(5).setCellValue(r.objectName());
                    row.createCell(6).setCellValue(labels.action(r.action()));
                    row.createCell(7)
                            .setCellValue(String.join("\n", labels.changeLines(r.changeData())));
                    row.getCell(7).setCellStyle(wrap);
                }
                before = page.get(page.size() - 1).id();
                work.progressed(job.exportId(), written);
            }
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
        }
        Files.move(
                partial,
                job.target(),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    private static void writeHeader(SXSSFWorkbook workbook, Sheet sheet, AuditLabels labels) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        String[] columns = {
            "occurredAt", "ip", "login", "actor", "objectType", "object", "action", "data"
        };
        int[] widths = {20, 16, 18, 28, 22, 36, 24, 60};
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            header.createCell(i).setCellValue(labels.column(columns[i]));
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}

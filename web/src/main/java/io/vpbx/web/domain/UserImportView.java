package io.vpbx.web.domain;

import io.vpbx.application.users.imports.CellProblem;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.ImportColumn;
import io.vpbx.application.users.imports.ImportPreview;
import io.vpbx.application.users.imports.ImportProgress;
import io.vpbx.application.users.imports.ImportTemplate;
import io.vpbx.application.users.imports.UserImportService;
import io.vpbx.web.shared.Messages;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * «Импорт пользователей» (spec B §2.4): template download, upload, the preview with every row's
 * errors, the import job's progress and its report. The checks are the service's; this bean only
 * carries the page.
 */
@Named
@ViewScoped
public class UserImportView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient UserImportService imports;

    private transient UploadedFile upload;
    private String fileName;
    private ImportPreview preview;
    private Long importId;
    private ImportProgress progress;

    private static final String NEW_GROUPS = "userImport.warning.groups.willBeCreated";

    public StreamedContent getXlsxTemplate() {
        return template(ImportTemplate.Format.XLSX);
    }

    public StreamedContent getCsvTemplate() {
        return template(ImportTemplate.Format.CSV);
    }

    private StreamedContent template(ImportTemplate.Format format) {
        byte[] file = imports.template(format, locale());
        return DefaultStreamedContent.builder()
                .name(format.fileName())
                .contentType(format.contentType())
                .contentLength((long) file.length)
                .stream(() -> new ByteArrayInputStream(file))
                .build();
    }

    public void check() {
        if (upload == null || upload.getSize() == 0) {
            UiActions.error("uploadForm:file", "userImport.rejected.empty");
            return;
        }
        String name = upload.getFileName();
        byte[] content = upload.getContent();
        preview = null;
        importId = null;
        progress = null;
        UiActions.attempt(
                () -> {
                    preview = imports.preview(name, content);
                    fileName = name;
                });
        upload = null;
    }

    public void start() {
        if (preview == null || preview.ready() == 0 || importId != null) {
            return;
        }
        UiActions.attempt(() -> importId = imports.startImport(fileName, preview));
    }

    /** Continues an import whose job stopped before the end; the progress bar polls again. */
    public void resume() {
        if (importId == null) {
            return;
        }
        UiActions.attempt(
                () -> {
                    imports.resume(importId);
                    progress = imports.progress(importId);
                });
    }

    /** Polled by the progress bar. */
    public int getPercent() {
        if (importId == null) {
            return 0;
        }
        progress = imports.progress(importId);
        return progress.percent();
    }

    public StreamedContent getReport() {
        byte[] file = imports.report(importId, locale());
        return DefaultStreamedContent.builder()
                .name("users-import-report.xlsx")
                .contentType(ImportTemplate.Format.XLSX.contentType())
                .contentLength((long) file.length)
                .stream(() -> new ByteArrayInputStream(file))
                .build();
    }

    /** The cell's errors and warnings as one text, for the preview table. */
    public String problems(CheckedRow row, String column) {
        List<CellProblem> problems = row.problemsIn(ImportColumn.valueOf(column));
        return problems.stream()
                .map(p -> Messages.get(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining("; "));
    }

    /**
     * The call groups the import will create (BR-22e), each once in any letter case, as the first
     * ready row spells it: the rows' «will be created» warnings, whose names never hold a comma
     * (the cell is split on commas).
     */
    public String getNewGroups() {
        if (preview == null) {
            return "";
        }
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (CheckedRow row : preview.readyRows()) {
            for (CellProblem p : row.problemsIn(ImportColumn.GROUPS)) {
                if (NEW_GROUPS.equals(p.messageKey()) && !p.arguments().isEmpty()) {
                    for (String name : String.valueOf(p.arguments().get(0)).split(", ")) {
                        names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                    }
                }
            }
        }
        return String.join(", ", names.values());
    }

    /** The column's header key, e.g. {@code userImport.column.login}. */
    public String header(String column) {
        return ImportColumn.valueOf(column).messageKey();
    }

    public String cell(CheckedRow row, String column) {
        return row.row().cell(ImportColumn.valueOf(column));
    }

    public List<String> getColumns() {
        return java.util.Arrays.stream(ImportColumn.values()).map(Enum::name).toList();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public ImportPreview getPreview() {
        return preview;
    }

    public Long getImportId() {
        return importId;
    }

    public ImportProgress getProgress() {
        return progress;
    }

    public boolean isFinished() {
        return progress != null && progress.finished();
    }
}

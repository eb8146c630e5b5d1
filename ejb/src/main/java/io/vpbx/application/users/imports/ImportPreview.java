package io.vpbx.application.users.imports;

import java.io.Serializable;
import java.util.List;

/** What the admin sees before "Создать" (BR-24): the counters and every row with its problems. */
public record ImportPreview(List<CheckedRow> rows) implements Serializable {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public int inFile() {
        return rows.size();
    }

    public int ready() {
        return (int) rows.stream().filter(CheckedRow::ready).count();
    }

    public int withErrors() {
        return inFile() - ready();
    }

    /** "Список пользователей с ошибками (N)": the rows that will not be created. */
    public List<CheckedRow> rowsWithErrors() {
        return rows.stream().filter(r -> !r.ready()).toList();
    }

    /** The rows the import job will create. */
    public List<CheckedRow> readyRows() {
        return rows.stream().filter(CheckedRow::ready).toList();
    }
}

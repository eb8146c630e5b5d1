package io.vpbx.web.shared;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.AuditLabels;
import io.vpbx.application.history.ExportStatus;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryPage;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.web.security.Console;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The action-history page of every console (spec A SCR-P6, spec F §11.2). The scope is the
 * caller's, decided by the service; this bean only holds the filter, the rows loaded so far
 * ("loaded N of M", more as the user scrolls), and the state of an xlsx export. Filters are not
 * persisted: a reload starts afresh (AH-5).
 */
@Named
@ViewScoped
public class ActionHistoryView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    /** The period presets of the filter bar. */
    public enum Period {
        ALL,
        TODAY,
        WEEK,
        MONTH,
        DAYS45,
        CUSTOM
    }

    @Inject private transient ActionHistoryService history;
    @Inject private transient PlatformSettings settings;

    private Period period = Period.ALL;
    private LocalDate from;
    private LocalDate to;
    private String actorText;
    private String objectText;
    private AuditObjectType objectType;
    private AuditAction action;

    private HistoryFilter appliedFilter = HistoryFilter.NONE;
    private final List<HistoryRow> rows = new ArrayList<>();
    private long total;
    private Long exportId;
    private ExportStatus export;

    @PostConstruct
    void init() {
        search();
    }

    /** Applies the filter ("Показать") and loads the first page. */
    public void search() {
        appliedFilter = filter();
        rows.clear();
        load();
    }

    /** Loads the next page, when the user scrolled to the end. */
    public void loadMore() {
        if (hasMore()) {
            load();
        }
    }

    private void load() {
        Long before = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
        HistoryPage page = history.history(appliedFilter, before, PAGE);
        appliedFilter = appliedFilter.upTo(page.upToId());
        rows.addAll(page.rows());
        total = page.total();
    }

    public void selectPeriod(String preset) {
        period = Period.valueOf(preset);
        search();
    }

    private HistoryFilter filter() {
        ZoneId zone = settings.displayZone();
        LocalDate today = LocalDate.now(zone);
        Instant start =
                switch (period) {
                    case ALL -> null;
                    case TODAY -> today.atStartOfDay(zone).toInstant();
                    case WEEK -> today.minusDays(6).atStartOfDay(zone).toInstant();
                    case MONTH -> today.minusDays(29).atStartOfDay(zone).toInstant();
                    case DAYS45 -> today.minusDays(44).atStartOfDay(zone).toInstant();
                    case CUSTOM -> from == null ? null : from.atStartOfDay(zone).toInstant();
                };
        Instant end =
                period == Period.CUSTOM && to != null
                        ? to.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                        : null;
        return new HistoryFilter(start, end, actorText, objectText, objectType, action, null);
    }

    /** Starts an xlsx export of exactly what the page shows (the same frozen selection). */
    public void startExport() {
        UiActions.attempt(
                () -> {
                    exportId = history.requestExport(appliedFilter, locale());
                    export = history.exportStatus(exportId);
                });
    }

    /** Polled while the export runs. */
    public void refreshExport() {
        if (exportId != null) {
            export = history.exportStatus(exportId);
        }
    }

    public boolean isExportRunning() {
        return export != null && !export.isFinished();
    }

    public String getExportUrl() {
        HttpServletRequest request =
                (HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest();
        Console console = Console.ofPath(request.getServletPath());
        return request.getContextPath() + console.prefix() + "history/export?id=" + exportId;
    }

    public boolean hasMore() {
        return rows.size() < total;
    }

    public List<String> changeLines(HistoryRow row) {
        return labels().changeLines(row.changeData());
    }

    public String actionLabel(AuditAction value) {
        return labels().action(value);
    }

    public String objectTypeLabel(AuditObjectType value) {
        return labels().objectType(value);
    }

    public String actorLabel(HistoryRow row) {
        return labels().actorKind(row.actorKind());
    }

    private AuditLabels labels() {
        return AuditLabels.of(locale());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public AuditObjectType[] getObjectTypes() {
        return AuditObjectType.values();
    }

    public List<HistoryRow> getRows() {
        return rows;
    }

    public int getLoaded() {
        return rows.size();
    }

    public long getTotal() {
        return total;
    }

    public boolean isMore() {
        return hasMore();
    }

    public ExportStatus getExport() {
        return export;
    }

    public Period getPeriod() {
        return period;
    }

    public void setPeriod(Period period) {
        this.period = period;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getActorText() {
        return actorText;
    }

    public void setActorText(String actorText) {
        this.actorText = actorText;
    }

    public String getObjectText() {
        return objectText;
    }

    public void setObjectText(String objectText) {
        this.objectText = objectText;
    }

    public AuditObjectType getObjectType() {
        return objectType;
    }

    public void setObjectType(AuditObjectType objectType) {
        this.objectType = objectType;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }
}

/**
 * The {@code audit-export} job: writes a filtered action history to an xlsx file with POI's
 * streaming SXSSF workbook (constant memory however long the history), reporting progress as it
 * goes.
 */
package io.vpbx.batch.auditexport;

/**
 * Bulk creation of a domain's users from a spreadsheet (spec B §2.4, BR-20…BR-26): the template,
 * reading an uploaded xls/xlsx/csv within fixed limits, and checking every row before anything is
 * created. Creation itself runs as the {@code user-import} batch job, one user at a time through
 * the same provisioning as the create-one dialog.
 */
package io.vpbx.application.users.imports;

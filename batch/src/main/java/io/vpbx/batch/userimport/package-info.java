/**
 * The {@code user-import} job: creates the ready rows of a checked import file one user at a time,
 * in parallel partitions, then records the import as a whole in the action history.
 */
package io.vpbx.batch.userimport;

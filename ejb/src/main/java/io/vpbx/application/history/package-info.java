/**
 * Reading the action history of the caller's scope, and exporting a filtered selection to xlsx
 * through a batch job.
 */
package io.vpbx.application.history;

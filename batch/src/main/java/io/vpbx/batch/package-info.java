/**
 * Jakarta Batch jobs (JBeret, with its job repository in the vPBX database). One package per job;
 * the job XML is {@code META-INF/batch-jobs/<job-id>.xml}. Jobs call the core through its
 * application interfaces only.
 */
package io.vpbx.batch;

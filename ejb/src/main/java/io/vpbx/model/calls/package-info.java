/** Call records (CDR): what happened to each call, answered or not. */
package io.vpbx.model.calls;

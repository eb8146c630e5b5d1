/** The clock every use case reads time from, so that tests and policies agree on "now". */
package io.vpbx.infrastructure.time;

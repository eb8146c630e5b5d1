/** Call recording in the server: the policy, filing finished recordings, retention, isolation. */
package io.vpbx.it.recording;

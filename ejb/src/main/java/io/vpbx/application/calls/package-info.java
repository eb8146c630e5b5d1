/** The domain console's call history ("История вызовов"), read from the call records. */
package io.vpbx.application.calls;

package io.vpbx.model.sip;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Contact bindings as stored. The registrar works on them in memory; this is where they are written
 * behind and loaded from when a node starts.
 */
public interface SipRegistrationRepository {
    /** Every binding that has not expired, of all domains (a node loads them when it starts). */
    List<SipRegistration> listActive(Instant now);

    /**
     * Makes the stored bindings of each number exactly the given ones. A number that no longer
     * exists gets none (its user was deleted meanwhile).
     */
    void replaceForNumbers(Map<Long, List<SipRegistration>> bindingsByNumber);

    /** Deletes bindings that expired before the given time; returns how many. */
    int purgeExpired(Instant before);
}

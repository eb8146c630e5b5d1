package io.vpbx.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The system clock in UTC; the database stores UTC and consoles convert to the viewer's zone. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.vpbx.web.shared;

import io.vpbx.application.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dates as the consoles show them, in the installation's time zone. */
@Named
@ApplicationScoped
public class Formats {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    @Inject private PlatformSettings settings;

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(settings.displayZone()));
    }

    public String zoneId() {
        return settings.displayZone().getId();
    }
}

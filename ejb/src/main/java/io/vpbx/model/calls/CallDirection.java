package io.vpbx.model.calls;

/** Where a call went. Only calls inside one domain exist yet; inter-domain and PSTN follow. */
public enum CallDirection {
    INTERNAL
}

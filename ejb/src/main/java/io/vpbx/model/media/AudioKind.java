package io.vpbx.model.media;

/** What an uploaded audio file is for; names are unique within a domain and kind. */
public enum AudioKind {
    /** A greeting ("приветствие"): a voice message played to callers, e.g. by an IVR. */
    GREETING,
    /** Music played to a party on hold ("музыка на удержании", spec F MOH-1..3). */
    MUSIC
}

package be.loket.identity;

/** Where citizens come in: the main office, an antenna point, or an office day in a sub-municipality. */
public enum SiteKind {
    MAIN_OFFICE, ANTENNA, OFFICE_DAY
}

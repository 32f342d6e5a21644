package be.loket.outreach;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The people outreach has found, per worklist, for workers and campaigns to contact. Only the tenant's
 * own social-service workers see them (never partners, never another municipality); reads are audited.
 */
public interface Worklists {

    /** Key of the contact list fed by the housing company's rent-arrears lists. */
    String RENT_ARREARS = "rent-arrears";

    /** The tenant's worklists, each with its number of open entries. */
    List<WorklistInfo> lists(Locale locale);

    /** Entries of one list, open ones first: ELIGIBLE before POSSIBLY, contact lists by months and amount in arrears. */
    List<WorklistEntry> entries(String listKey, Locale locale);

    /** One page of a list's entries, in the order of {@link #entries(String, Locale)}: for long lists on screen. */
    List<WorklistEntry> entries(String listKey, Locale locale, int offset, int limit);

    /** One entry of the tenant; {@link be.loket.platform.NotFoundException} otherwise. */
    WorklistEntry entry(UUID entryId, Locale locale);

    /** Marks an entry contacted or closed, e.g. when a campaign reached the person. */
    void setStatus(UUID entryId, WorklistEntry.Status status);
}

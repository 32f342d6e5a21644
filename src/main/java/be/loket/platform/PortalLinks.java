package be.loket.platform;

import java.util.UUID;

/**
 * Issues a citizen's personal link to the portal, for letters and SMS. Implemented by the portal module;
 * senders depend on this interface so they never depend on the portal itself.
 */
public interface PortalLinks {

    /** An absolute link that lets this citizen log in to the portal with a one-time code. */
    String issue(UUID tenantId, UUID personId);
}

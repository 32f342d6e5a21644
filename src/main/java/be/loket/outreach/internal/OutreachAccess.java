package be.loket.outreach.internal;

import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may work with partner lists. Partner organisations and front-desk or committee users never see
 * them: for them every outreach page is "not found", so not even the existence of a list leaks.
 */
public final class OutreachAccess {
    private OutreachAccess() {
    }

    /** Social workers, energy and water specialists and team leads of the municipality. */
    public static Actor worker() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD)) {
            throw new NotFoundException("Outreach");
        }
        return actor;
    }

    /** Reading agreements: workers and administrators. */
    public static Actor reader() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD, Role.ADMIN)) {
            throw new NotFoundException("Outreach");
        }
        return actor;
    }

    /** Recording a data-sharing agreement is a decision of the team lead or the administrator. */
    public static Actor agreementManager() {
        Actor actor = reader();
        if (!actor.hasAny(Role.TEAM_LEAD, Role.ADMIN)) {
            throw new AccessDeniedException("agreement");
        }
        return actor;
    }
}

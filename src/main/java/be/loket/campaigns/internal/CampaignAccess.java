package be.loket.campaigns.internal;

import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;

/**
 * Who works with campaigns: the same people who see the worklists (social workers, specialists, team leads of
 * the municipality). Everyone else, partners included, gets "not found", so not even a campaign's existence leaks.
 */
public final class CampaignAccess {
    private CampaignAccess() {
    }

    public static Actor worker() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.SOCIAL_WORKER, Role.SPECIALIST, Role.TEAM_LEAD)) {
            throw new NotFoundException("Campaign");
        }
        return actor;
    }
}

package be.loket.campaigns.internal;

import java.util.Map;

/**
 * A campaign as the worker asks for it, all text as entered so UI and tests get the same messages: the
 * letter variants one per line, and per worklist entry id the method (entries without one are not picked).
 */
public record NewCampaign(String name, String worklistKey, String intermediaryId, boolean closedEnvelope, String variants,
        Map<String, String> methods) {
}

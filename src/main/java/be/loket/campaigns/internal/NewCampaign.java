package be.loket.campaigns.internal;

import java.util.List;
import java.util.Map;

/**
 * A campaign as the worker asks for it, all text as entered so UI and tests get the same messages: the
 * letter variants one per line, each variant's letterhead (LOGO or PLAIN, by position; missing ones get the
 * default), and per worklist entry id the method (entries without one are not picked).
 */
public record NewCampaign(String name, String worklistKey, String intermediaryId, boolean closedEnvelope, String variants,
        List<String> letterheads, Map<String, String> methods) {

    /** Without a letterhead choice: every variant gets the default. */
    public NewCampaign(String name, String worklistKey, String intermediaryId, boolean closedEnvelope, String variants,
            Map<String, String> methods) {
        this(name, worklistKey, intermediaryId, closedEnvelope, variants, List.of(), methods);
    }
}

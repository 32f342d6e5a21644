package be.loket.campaigns.web;

import be.loket.campaigns.internal.NewCampaign;
import be.loket.campaigns.internal.Campaign;
import be.loket.campaigns.internal.Campaigns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The new-campaign form; {@code methods} maps a worklist entry id to the chosen method (empty: not picked). */
public class CampaignForm {
    private String name;
    private String worklistKey;
    private String intermediaryId;
    private boolean closedEnvelope;
    private String variants;
    /** Per variant position: LOGO or PLAIN, preset to the default (first with logo, second without, ...). */
    private List<String> letterheads = new ArrayList<>(IntStream.range(0, Campaigns.MAX_VARIANTS)
            .mapToObj(i -> Campaign.defaultLetterhead(i).name()).toList());
    private Map<String, String> methods = new LinkedHashMap<>();

    NewCampaign command() {
        return new NewCampaign(name, worklistKey, intermediaryId, closedEnvelope, variants, letterheads, methods);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWorklistKey() {
        return worklistKey;
    }

    public void setWorklistKey(String worklistKey) {
        this.worklistKey = worklistKey;
    }

    public String getIntermediaryId() {
        return intermediaryId;
    }

    public void setIntermediaryId(String intermediaryId) {
        this.intermediaryId = intermediaryId;
    }

    public boolean isClosedEnvelope() {
        return closedEnvelope;
    }

    public void setClosedEnvelope(boolean closedEnvelope) {
        this.closedEnvelope = closedEnvelope;
    }

    public String getVariants() {
        return variants;
    }

    public void setVariants(String variants) {
        this.variants = variants;
    }

    public List<String> getLetterheads() {
        return letterheads;
    }

    public void setLetterheads(List<String> letterheads) {
        this.letterheads = letterheads;
    }

    public Map<String, String> getMethods() {
        return methods;
    }

    public void setMethods(Map<String, String> methods) {
        this.methods = methods;
    }
}

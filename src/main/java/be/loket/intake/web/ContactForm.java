package be.loket.intake.web;

import be.loket.intake.NewContact;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The registration form; who registers and when it is due are never bound from the request. */
public class ContactForm {
    private UUID siteId;
    private String channel = "WALK_IN";
    private UUID personId;
    private List<String> themes = new ArrayList<>();
    private String question;
    private String outcome = "ANSWERED";
    private String referredTo;
    private Integer minutesSpent;
    private String occurredAt;

    NewContact command() {
        return new NewContact(siteId, channel, personId, themes, question, outcome, referredTo, minutesSpent, occurredAt);
    }

    public UUID getSiteId() { return siteId; }
    public void setSiteId(UUID siteId) { this.siteId = siteId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public UUID getPersonId() { return personId; }
    public void setPersonId(UUID personId) { this.personId = personId; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> themes) { this.themes = themes == null ? new ArrayList<>() : themes; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getReferredTo() { return referredTo; }
    public void setReferredTo(String referredTo) { this.referredTo = referredTo; }
    public Integer getMinutesSpent() { return minutesSpent; }
    public void setMinutesSpent(Integer minutesSpent) { this.minutesSpent = minutesSpent; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}

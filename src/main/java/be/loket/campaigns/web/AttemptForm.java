package be.loket.campaigns.web;

import be.loket.campaigns.internal.NewAttempt;

/** The contact-attempt form, all fields as typed so the service gives the specific messages. */
public class AttemptForm {
    private String method;
    private String date;
    private String time;
    private String slot;
    private String outcome;
    private String duration;
    private String note;

    NewAttempt command() {
        return new NewAttempt(method, date, time, slot, outcome, duration, note);
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

package be.loket.campaigns.internal;

/** A contact attempt as entered: date (yyyy-MM-dd), optional time (HH:mm) or time slot, outcome, minutes and note. */
public record NewAttempt(String method, String date, String time, String slot, String outcome, String duration, String note) {
}

package be.loket.dossier;

/** A step as entered; kind and visibility arrive as text so both UI and API get the same messages. */
public record NewStep(String kind, String visibility, String text, String occurredOn) {
}

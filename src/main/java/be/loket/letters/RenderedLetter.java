package be.loket.letters;

/** A letter as PDF, with its subject for the e-mail or the register of letters sent. */
public record RenderedLetter(String subject, String language, byte[] pdf) {
}

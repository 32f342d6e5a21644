package be.loket.letters;

/**
 * What an author writes: a subject, the body and the legal part (provisions and right of appeal),
 * which always goes on the last page. Body and legal part use a small plain-text markup: a line
 * starting with "# " is a heading, "- " a list item, **text** is bold, an empty line ends a paragraph,
 * and {{name}} is a placeholder.
 */
public record TemplateText(String subject, String body, String legal) {
}

package be.loket.eligibility.internal;

import be.loket.eligibility.LocalizedText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition's text per language with placeholders such as {@code {rent}} for the values it uses;
 * rendered only on demand, after evaluation, from the same frame.
 */
final class Label {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");

    enum Kind { MONEY, NUMBER, INTEGER, TEXT, BOOL }

    /** A value shown in a label: its compiled expression and how to show it. */
    record Value(Expr expr, Kind kind) {
    }

    final LocalizedText text;
    final Map<String, Value> values;

    Label(LocalizedText text, Map<String, Value> values) {
        this.text = text;
        this.values = values;
    }

    String render(Frame f, Locale locale) {
        String template = text.in(locale);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Value v = values.get(m.group(1));
            String shown;
            if (v == null) {
                shown = m.group();
            } else if (v.expr().unk(f) != 0) {
                shown = "?";
            } else {
                shown = show(v, f, locale);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String show(Value v, Frame f, Locale locale) {
        switch (v.kind()) {
            case MONEY: return money(v.expr().num(f), locale);
            case INTEGER: return String.valueOf((long) v.expr().num(f));
            case NUMBER: return NumberFormat.getNumberInstance(numberLocale(locale)).format(v.expr().num(f));
            case BOOL: return String.valueOf(v.expr().tri(f) == Expr.TRUE);
            default: return String.valueOf(v.expr().obj(f));
        }
    }

    private static Locale numberLocale(Locale locale) {
        String lang = locale == null ? "nl" : locale.getLanguage();
        return "fr".equals(lang) ? Locale.forLanguageTag("fr-BE") : "en".equals(lang) ? Locale.forLanguageTag("en-IE")
                : Locale.forLanguageTag("nl-BE");
    }

    static String money(double value, Locale locale) {
        NumberFormat nf = NumberFormat.getCurrencyInstance(numberLocale(locale));
        nf.setCurrency(java.util.Currency.getInstance("EUR"));
        // Narrow and non-breaking spaces become plain ones so texts compare and copy predictably.
        return nf.format(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP))
                .replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

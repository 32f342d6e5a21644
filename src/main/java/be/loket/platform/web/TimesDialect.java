package be.loket.platform.web;

import be.loket.platform.Times;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Adds {@code #times} to every template (pages, letters and PDFs share Spring's one template engine).
 * Use {@code #times.format(value, 'dd/MM/yyyy HH:mm')} instead of {@code #temporals.format}: it shows
 * moments in the municipality's time, where {@code #temporals} would show PostgreSQL's UTC (ADR 0014).
 */
@Component
public class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {
    static final String NAME = "times";

    public TimesDialect() {
        super("Loket times");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new TemplateTimes(context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The {@code #times} object of one template run, formatting in that run's language. */
    public static final class TemplateTimes {
        private final Locale locale;

        TemplateTimes(Locale locale) {
            this.locale = locale;
        }

        /** The value with a {@code DateTimeFormatter} pattern; moments in the municipality's time, local dates as they are. */
        public String format(Object value, String pattern) {
            return Times.format(value, pattern, locale);
        }
    }
}

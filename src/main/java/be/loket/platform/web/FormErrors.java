package be.loket.platform.web;

import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Puts a service's field violations on a form so each message shows next to its field. */
public final class FormErrors {
    private FormErrors() {
    }

    public static void reject(BindingResult binding, InvalidInputException e) {
        for (FieldViolation v : e.violations()) {
            Object[] args = v.args().toArray();
            try {
                binding.rejectValue(v.field(), v.messageKey(), args, null);
            } catch (NotReadablePropertyException notOnForm) {
                binding.reject(v.messageKey(), args, null);
            }
        }
    }
}

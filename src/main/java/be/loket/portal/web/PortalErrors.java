package be.loket.portal.web;

import be.loket.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Portal pages answer in the portal's own layout: what is not the citizen's own is simply not found. */
@ControllerAdvice(assignableTypes = {PortalController.class, PortalLoginController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PortalErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return Pages.page(model, "/portal/home", "portal/not-found");
    }

    @ExceptionHandler(PortalController.LinkEnded.class)
    String linkEnded(HttpServletRequest request, HttpServletResponse response) {
        PortalController.logOut(request, response);
        return "redirect:/portal/login/bye";
    }
}

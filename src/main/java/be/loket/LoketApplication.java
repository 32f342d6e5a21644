package be.loket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Loket: one door to the local social services. A modular monolith; see the module map in the README.
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class LoketApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoketApplication.class, args);
    }
}

package be.loket.documents.web;

import be.loket.documents.Documents;
import be.loket.documents.Inspection;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a file as an upload would, without keeping it: a form can tell the user at once that a file
 * will be refused, and why. Nothing is stored, so nothing is audited.
 */
@RestController
class DocumentCheckApiController {
    private final Documents documents;

    DocumentCheckApiController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping("/api/v1/documents/check")
    Inspection check(@RequestParam("file") MultipartFile file) throws IOException {
        return documents.inspect(file.getBytes());
    }
}

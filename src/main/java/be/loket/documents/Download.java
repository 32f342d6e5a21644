package be.loket.documents;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document handed out after the caller's access check; the read was audited. */
public record Download(DocumentInfo info, byte[] content) {
    public InputStream stream() {
        return new ByteArrayInputStream(content);
    }

    /**
     * The HTTP answer a controller of another module returns: the type detected at upload (never the
     * uploader's claim), the name as a label, and no caching of personal data by browsers or proxies.
     */
    public ResponseEntity<byte[]> asResponse() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(content.length)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Disposition", ContentDisposition.inline().filename(info.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}

package be.loket.documents;

import java.util.UUID;

/** The record a document belongs to, named by the owning module: e.g. {@code APPLICATION} and its id. */
public record Owner(String type, UUID id) {
}

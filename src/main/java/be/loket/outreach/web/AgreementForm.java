package be.loket.outreach.web;

import be.loket.outreach.internal.AgreementCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The agreement form; a mutable bean so that each service message lands on its field. */
public class AgreementForm {
    private UUID partnerId;
    private String purpose;
    private String legalBasis;
    private String legalBasisDetail;
    private List<String> listTypes = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private String retentionDays = "365";
    private String validFrom;
    private String validTo;

    AgreementCommand command() {
        return new AgreementCommand(partnerId, purpose, legalBasis, legalBasisDetail, listTypes, fields, retentionDays, validFrom, validTo);
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(UUID partnerId) {
        this.partnerId = partnerId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getLegalBasisDetail() {
        return legalBasisDetail;
    }

    public void setLegalBasisDetail(String legalBasisDetail) {
        this.legalBasisDetail = legalBasisDetail;
    }

    public List<String> getListTypes() {
        return listTypes;
    }

    public void setListTypes(List<String> listTypes) {
        this.listTypes = listTypes;
    }

    public List<String> getFields() {
        return fields;
    }

    public void setFields(List<String> fields) {
        this.fields = fields;
    }

    public String getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(String retentionDays) {
        this.retentionDays = retentionDays;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidTo() {
        return validTo;
    }

    public void setValidTo(String validTo) {
        this.validTo = validTo;
    }
}

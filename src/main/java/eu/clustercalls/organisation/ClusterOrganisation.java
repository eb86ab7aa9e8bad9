package eu.clustercalls.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A cluster organisation; its id is its Camunda tenant id. */
@Entity
public class ClusterOrganisation {

    @Id
    private String id;
    private String name;
    private String country;
    /** The account grants are paid from; needed before the first payment. */
    private String bankAccountName;
    private String iban;
    private String bic;
    /** The language its staff's task forms are shown in: en, es or ca. */
    private String staffLanguage = "en";

    protected ClusterOrganisation() {
    }

    public ClusterOrganisation(String id, String name, String country) {
        this.id = id;
        this.name = name;
        this.country = country;
    }

    void useBankAccount(String bankAccountName, String iban, String bic) {
        this.bankAccountName = bankAccountName;
        this.iban = iban;
        this.bic = bic;
    }

    void useStaffLanguage(String language) {
        this.staffLanguage = language;
    }

    public String getStaffLanguage() {
        return staffLanguage;
    }

    public boolean hasBankAccount() {
        return iban != null;
    }

    public String getBankAccountName() {
        return bankAccountName;
    }

    public String getIban() {
        return iban;
    }

    public String getBic() {
        return bic;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCountry() {
        return country;
    }
}

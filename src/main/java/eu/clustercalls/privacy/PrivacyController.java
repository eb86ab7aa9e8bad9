package eu.clustercalls.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Data protection", description = "A company's personal data: its export, and its anonymisation on request")
class PrivacyController {

    private final PersonalDataExport export;
    private final CompanyAnonymisation anonymisation;

    PrivacyController(PersonalDataExport export, CompanyAnonymisation anonymisation) {
        this.export = export;
        this.anonymisation = anonymisation;
    }

    @GetMapping("/api/companies/{companyId}/personal-data")
    @Operation(summary = "Everything ClusterCalls keeps about the company and its users (its users and administrators)")
    PersonalData personalData(@PathVariable Long companyId, Authentication user) {
        return export.export(user.getName(), companyId);
    }

    @PostMapping("/api/companies/{companyId}/anonymisation")
    @Operation(summary = "Anonymise the company's personal data on its request, once its records' retention period "
            + "is over (administrators); financial records and the audit trail stay, with pseudonyms")
    CompanyAnonymisation.Result anonymise(@PathVariable Long companyId, @Valid @RequestBody AnonymisationRequest request,
            Authentication user) {
        return anonymisation.anonymise(user.getName(), companyId, request.reason());
    }

    record AnonymisationRequest(
            @NotBlank(message = "Please give the reason: who asked for the anonymisation, and when.")
            @Size(max = 2000, message = "The reason can have at most 2,000 characters.") String reason) {
    }
}

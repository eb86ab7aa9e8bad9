package eu.clustercalls.company;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Companies", description = "What a company and the clusters it belongs to may see of it")
class CompanyController {

    private final CompanyService companies;

    CompanyController(CompanyService companies) {
        this.companies = companies;
    }

    @GetMapping("/api/companies/{companyId}/aid-records")
    @Operation(summary = "The company's de minimis ledger: aid it declared and aid paid through ClusterCalls")
    List<AidRecordView> aidRecords(@PathVariable Long companyId, Authentication user) {
        return companies.aidRecordsFor(user.getName(), companyId).stream().map(AidRecordView::of).toList();
    }
}

package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a company may declare about itself, at sign-up and later: its figures, its partner and linked enterprises and
 * the de minimis aid it received. Each problem names the field as the portal's forms name it.
 */
final class CompanyRules {

    /** Article 3(2) and (3) of the SME definition: a partner holds 25 to 50 %, a linked enterprise more. */
    private static final BigDecimal PARTNER_MIN = BigDecimal.valueOf(25);
    private static final BigDecimal PARTNER_MAX = BigDecimal.valueOf(50);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Beyond these a figure is a typing error (the largest employers have about two million staff). */
    static final BigDecimal MAX_STAFF = BigDecimal.valueOf(1_000_000);
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** De minimis aid is at most €300,000 over three years; a declared aid beyond this is a typing error. */
    static final BigDecimal MAX_AID = BigDecimal.valueOf(1_000_000_000);

    private CompanyRules() {
    }

    /** Own figures under the form's names staffHeadcount, annualTurnover and balanceSheetTotal. */
    static void figureProblems(SmeFigures figures, List<SignUpProblem> problems) {
        figureProblems(figures, "staffHeadcount", "annualTurnover", "balanceSheetTotal", problems);
    }

    static void relatedProblems(List<RelatedEnterprise> related, List<SignUpProblem> problems) {
        for (int i = 0; i < related.size(); i++) {
            RelatedEnterprise enterprise = related.get(i);
            BigDecimal share = enterprise.getSharePercent();
            String row = "related" + i;
            String field = row + "Share";
            if (enterprise.getRelation() == RelatedEnterprise.Relation.PARTNER
                    && (share.compareTo(PARTNER_MIN) < 0 || share.compareTo(PARTNER_MAX) > 0)) {
                problems.add(new SignUpProblem(field, "share.partner",
                        "A partner enterprise holds from 25 % to 50 %; below 25 % it does not count, above 50 % it is linked."));
            }
            if (enterprise.getRelation() == RelatedEnterprise.Relation.LINKED
                    && (share.compareTo(PARTNER_MAX) <= 0 || share.compareTo(HUNDRED) > 0)) {
                problems.add(new SignUpProblem(field, "share.linked",
                        "A linked enterprise holds more than 50 % and at most 100 %; up to 50 % it is a partner."));
            }
        }
    }

    /** Only the related enterprises' figures: their shares are {@link #relatedProblems}. */
    static void relatedFigureProblems(List<RelatedEnterprise> related, List<SignUpProblem> problems) {
        for (int i = 0; i < related.size(); i++) {
            String row = "related" + i;
            figureProblems(related.get(i).figures(), row + "Staff", row + "Turnover", row + "BalanceSheet", problems);
        }
    }

    /** An aid under the form's names {@code <prefix>GrantedOn}, {@code <prefix>Amount} and {@code <prefix>GrantingBody}. */
    static void aidProblems(SignUp.DeclaredAid aid, String prefix, LocalDate today, List<SignUpProblem> problems) {
        if (aid.grantedOn().isAfter(today)) {
            problems.add(new SignUpProblem(prefix + "GrantedOn", "aid.future",
                    "Aid is declared once it has been granted: the date cannot be in the future."));
        }
        if (aid.amount().signum() <= 0) {
            problems.add(new SignUpProblem(prefix + "Amount", "aid.amount", "The amount must be more than zero."));
        } else if (aid.amount().compareTo(MAX_AID) > 0) {
            problems.add(new SignUpProblem(prefix + "Amount", "aid.tooLarge",
                    "De minimis aid is at most €300,000 over three years: please check the amount."));
        }
        if (aid.grantingBody() == null || aid.grantingBody().isBlank()) {
            problems.add(new SignUpProblem(prefix + "GrantingBody", "aid.body", "Say which body granted the aid."));
        }
    }

    private static void figureProblems(SmeFigures figures, String staff, String turnover, String balanceSheet,
            List<SignUpProblem> problems) {
        figureProblem(figures.staffHeadcount(), MAX_STAFF, "staff.tooLarge", staff, problems);
        figureProblem(figures.annualTurnover(), MAX_AMOUNT, "figure.tooLarge", turnover, problems);
        figureProblem(figures.balanceSheetTotal(), MAX_AMOUNT, "figure.tooLarge", balanceSheet, problems);
    }

    private static void figureProblem(BigDecimal value, BigDecimal max, String tooLarge, String field,
            List<SignUpProblem> problems) {
        if (value.signum() < 0) {
            problems.add(new SignUpProblem(field, "figure.negative", "A figure cannot be negative."));
        } else if (value.compareTo(max) > 0) {
            problems.add(new SignUpProblem(field, tooLarge, "This figure is far too large: please check it."));
        }
    }
}

package eu.clustercalls.demo;

import java.util.List;

import eu.clustercalls.security.Roles;

/**
 * One demo user per role, with two call managers (a call needs a drafter and a different reviewer), three
 * evaluators (two per application, and one to take over after a declared conflict of interest) and two finance
 * officers (one verifies a claim, the other approves its payment), all of AEI Tèxtils; and a call manager and an
 * evaluator of FOMENTEX, who share the installation but must see nothing of AEI's calls. They read mail in
 * Catalan, Spanish or English, so that the demo's mails show all three.
 */
record DemoUser(String id, String firstName, String lastName, String group, String password, String cluster,
        String language) {

    static final String AEI = "aei-textils";
    static final String FOMENTEX = "fomentex";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("marta.puig", "Marta", "Puig", Roles.SME, "sme-demo-2026", null, "ca"),
            new DemoUser("jordi.vidal", "Jordi", "Vidal", Roles.SME, "sme-demo-2026", null, "es"),
            new DemoUser("pau.ferrer", "Pau", "Ferrer", Roles.SME, "sme-demo-2026", null, "en"),
            new DemoUser("laia.soler", "Laia", "Soler", Roles.SME, "sme-demo-2026", null, "ca"),
            new DemoUser("nuria.pons", "Núria", "Pons", Roles.SME, "sme-demo-2026", null, "es"),
            new DemoUser("giulia.bianchi", "Giulia", "Bianchi", Roles.SME, "sme-demo-2026", null, "en"),
            new DemoUser("anna.roca", "Anna", "Roca", Roles.CALL_MANAGERS, "manager-demo", AEI, "ca"),
            new DemoUser("oriol.serra", "Oriol", "Serra", Roles.CALL_MANAGERS, "manager-demo", AEI, "es"),
            new DemoUser("roser.camps", "Roser", "Camps", Roles.ELIGIBILITY_REVIEWERS, "reviewer-demo", AEI, "ca"),
            new DemoUser("eva.marti", "Eva", "Martí", Roles.EVALUATORS, "evaluator-demo", AEI, "es"),
            new DemoUser("marc.sala", "Marc", "Sala", Roles.EVALUATORS, "evaluator-demo", AEI, "en"),
            new DemoUser("clara.vives", "Clara", "Vives", Roles.EVALUATORS, "evaluator-demo", AEI, "ca"),
            new DemoUser("joan.riera", "Joan", "Riera", Roles.FINANCE, "finance-demo", AEI, "ca"),
            new DemoUser("montse.vila", "Montse", "Vila", Roles.FINANCE, "finance-demo", AEI, "es"),
            new DemoUser("iria.castro", "Iria", "Castro", Roles.CALL_MANAGERS, "manager-demo", FOMENTEX, "es"),
            new DemoUser("xoan.lopez", "Xoán", "López", Roles.EVALUATORS, "evaluator-demo", FOMENTEX, "es"),
            new DemoUser("admin", "Ada", "Admin", Roles.ADMIN, "admin-demo-2026", null, "en"));

    static DemoUser byId(String id) {
        return ALL.stream().filter(user -> user.id().equals(id)).findFirst().orElseThrow();
    }

    String fullName() {
        return firstName + " " + lastName;
    }
}

package eu.clustercalls.demo;

import java.util.List;

import eu.clustercalls.security.Roles;

/**
 * One demo user per role, with two call managers (a call needs a drafter and a different reviewer), three
 * evaluators (two per application, and one to take over after a declared conflict of interest) and two finance
 * officers (one verifies a claim, the other approves its payment), all of AEI Tèxtils; and a call manager and an
 * evaluator of FOMENTEX, who share the installation but must see nothing of AEI's calls.
 */
record DemoUser(String id, String firstName, String lastName, String group, String password, String cluster) {

    static final String AEI = "aei-textils";
    static final String FOMENTEX = "fomentex";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("marta.puig", "Marta", "Puig", Roles.SME, "sme-demo", null),
            new DemoUser("jordi.vidal", "Jordi", "Vidal", Roles.SME, "sme-demo", null),
            new DemoUser("pau.ferrer", "Pau", "Ferrer", Roles.SME, "sme-demo", null),
            new DemoUser("laia.soler", "Laia", "Soler", Roles.SME, "sme-demo", null),
            new DemoUser("nuria.pons", "Núria", "Pons", Roles.SME, "sme-demo", null),
            new DemoUser("giulia.bianchi", "Giulia", "Bianchi", Roles.SME, "sme-demo", null),
            new DemoUser("anna.roca", "Anna", "Roca", Roles.CALL_MANAGERS, "manager-demo", AEI),
            new DemoUser("oriol.serra", "Oriol", "Serra", Roles.CALL_MANAGERS, "manager-demo", AEI),
            new DemoUser("roser.camps", "Roser", "Camps", Roles.ELIGIBILITY_REVIEWERS, "reviewer-demo", AEI),
            new DemoUser("eva.marti", "Eva", "Martí", Roles.EVALUATORS, "evaluator-demo", AEI),
            new DemoUser("marc.sala", "Marc", "Sala", Roles.EVALUATORS, "evaluator-demo", AEI),
            new DemoUser("clara.vives", "Clara", "Vives", Roles.EVALUATORS, "evaluator-demo", AEI),
            new DemoUser("joan.riera", "Joan", "Riera", Roles.FINANCE, "finance-demo", AEI),
            new DemoUser("montse.vila", "Montse", "Vila", Roles.FINANCE, "finance-demo", AEI),
            new DemoUser("iria.castro", "Iria", "Castro", Roles.CALL_MANAGERS, "manager-demo", FOMENTEX),
            new DemoUser("xoan.lopez", "Xoán", "López", Roles.EVALUATORS, "evaluator-demo", FOMENTEX),
            new DemoUser("admin", "Ada", "Admin", Roles.ADMIN, "admin-demo", null));

    static DemoUser byId(String id) {
        return ALL.stream().filter(user -> user.id().equals(id)).findFirst().orElseThrow();
    }

    String fullName() {
        return firstName + " " + lastName;
    }
}

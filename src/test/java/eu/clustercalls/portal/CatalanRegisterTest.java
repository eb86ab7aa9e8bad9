package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The portal, the mails and the letters speak to the SME in one Catalan register, the formal "vós" ("la vostra
 * empresa", "Envieu"): no text of theirs says "tu" ("la teva empresa", "Envia", "t’enviem", "torna-ho").
 */
class CatalanRegisterTest {

    /** The bundles that speak to the SME; the staff's (staff-forms, staff-views, tasklist, dashboard) are apart. */
    private static final List<String> SME_BUNDLES = List.of("portal", "applications", "signup", "todo", "letters",
            "mail", "phrases");
    /** Keys of those bundles that speak to the cluster's staff (the dashboard's membership requests). */
    private static final String STAFF_KEYS = "membershipRequests.";

    private static final String NOT_LETTER = "(?<![\\p{L}·’'-])";
    private static final String END = "(?![\\p{L}·’'])";
    /** Second-person singular imperatives the texts used, at the start of a sentence or before a pronoun. */
    private static final String IMPERATIVES = "Indica|Escriu|Envia|Desa|Tria|Torna|Afegeix|Obre|Mira|Comprova|Omple"
            + "|Corregeix|Adjunta|Demana|Inicia|Registra|Confirma|Revisa|Marca|Explica|Descriu|Fes|Ves|Justifica"
            + "|Conserva|Deixa|Consulta|Modifica|Emplena|Sol·licita|Mostra|Repeteix|Respon|Renuncia|Recorda";
    private static final Pattern INFORMAL = Pattern.compile(String.join("|",
            // Possessives and pronouns of "tu": teu, teva, teus, teves, tu, et, t’hem, torna’t, inicia-te.
            NOT_LETTER + "(?iu:teu|teva|teus|teves|tu|et)" + END,
            NOT_LETTER + "(?iu:t)['’](?=\\p{L})",
            "(?<=\\p{L})['’]t" + END,
            "(?<=\\p{L})-te" + END,
            // Verb forms of "tu": has, ets, pots, vols, tens, podràs, rebràs, puguis, vulguis, tinguis, hagis.
            NOT_LETTER + "(?iu:has|ets|pots|vols|tens|podràs|rebràs|trobaràs|puguis|vulguis|tinguis|hagis|siguis)" + END,
            // Imperatives: "Envia la sol·licitud", "…: torna-ho a provar".
            "(?:^|[.:;!?—]\\s+)(?iu:" + IMPERATIVES + ")" + END,
            NOT_LETTER + "(?iu:" + IMPERATIVES + ")-(?iu:ho|hi|la|les|los|ne|n’)" + END));

    @Test
    void theDetectorFindsTuFormsAndLeavesVosFormsAndLookalikesAlone() {
        assertThat(List.of("La teva empresa", "Envia la sol·licitud", "T’hem enviat l’enllaç", "Torna’t a registrar",
                "Massa intents: torna-ho a provar.", "No pots obrir-la.", "Encara no tens compte?", "Si ja has acabat",
                "Inicia-te", "Què et cal?"))
                .allSatisfy(text -> assertThat(INFORMAL.matcher(text).find()).as(text).isTrue());
        assertThat(List.of("La vostra empresa", "Envieu la sol·licitud", "Us hem enviat l’enllaç",
                "Torneu-vos a registrar", "torneu-ho a provar", "Per tenir l’ajut, teniu temps", "L’enllaç registra la "
                        + "vostra empresa", "Heu tancat la sessió.", "les teles", "Mostreu-ho", "tets"))
                .allSatisfy(text -> assertThat(INFORMAL.matcher(text).find()).as(text).isFalse());
    }

    @Test
    void everyCatalanTextForTheSmeIsInTheVosForm() throws IOException {
        List<String> informal = new ArrayList<>();
        for (String bundle : SME_BUNDLES) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle + "_ca.properties")) {
                assertThat(in).as(bundle + "_ca").isNotNull();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            texts.stringPropertyNames().stream().filter(key -> !key.startsWith(STAFF_KEYS)).sorted()
                    .filter(key -> INFORMAL.matcher(texts.getProperty(key)).find())
                    .forEach(key -> informal.add(bundle + "_ca: " + key + "=" + texts.getProperty(key)));
        }
        assertThat(informal).as("Catalan texts for the SME in the \"tu\" form").isEmpty();
    }
}

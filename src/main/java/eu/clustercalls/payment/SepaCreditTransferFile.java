package eu.clustercalls.payment;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import eu.clustercalls.support.InvalidInputException;

/**
 * A credit transfer as an ISO 20022 pain.001.001.03 file, the version SEPA banks accept for upload.
 * Element order follows the XSD sequences, which banks validate strictly.
 */
public final class SepaCreditTransferFile {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    // Some banks reject fractions of seconds in CreDtTm although xs:dateTime allows them.
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final int NAME = 70;
    private static final int ID = 35;
    private static final int REMITTANCE = 140;

    private SepaCreditTransferFile() {
    }

    /** The file to upload to the debtor's bank; refuses a transfer the bank would reject. */
    public static byte[] write(CreditTransfer transfer) {
        CreditTransfer clean = cleaned(transfer);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // The JDK's own writer: another StAX implementation on the classpath (a library's) would change the bytes.
            Xml xml = new Xml(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8"));
            xml.writer.writeStartDocument("UTF-8", "1.0");
            xml.open("Document");
            xml.writer.writeDefaultNamespace(NAMESPACE);
            xml.open("CstmrCdtTrfInitn");
            groupHeader(xml, clean);
            paymentInformation(xml, clean);
            xml.close();
            xml.close();
            xml.writer.writeCharacters("\n");
            xml.writer.writeEndDocument();
            xml.writer.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the SEPA credit transfer file.", e);
        }
    }

    private static void groupHeader(Xml xml, CreditTransfer t) throws XMLStreamException {
        xml.open("GrpHdr");
        xml.leaf("MsgId", t.messageId());
        xml.leaf("CreDtTm", CREATED.format(t.createdAt()));
        xml.leaf("NbOfTxs", "1");
        xml.leaf("CtrlSum", t.amount().toPlainString());
        xml.party("InitgPty", t.initiatingParty());
        xml.close();
    }

    private static void paymentInformation(Xml xml, CreditTransfer t) throws XMLStreamException {
        xml.open("PmtInf");
        xml.leaf("PmtInfId", t.messageId());
        xml.leaf("PmtMtd", "TRF");
        xml.leaf("BtchBookg", "false");
        xml.leaf("NbOfTxs", "1");
        xml.leaf("CtrlSum", t.amount().toPlainString());
        xml.open("PmtTpInf");
        xml.open("SvcLvl");
        xml.leaf("Cd", "SEPA");
        xml.close();
        xml.close();
        xml.leaf("ReqdExctnDt", t.requestedExecutionDate().toString());
        xml.party("Dbtr", t.debtorName());
        xml.account("DbtrAcct", t.debtorIban());
        xml.agent("DbtrAgt", t.debtorBic());
        xml.leaf("ChrgBr", "SLEV");
        transaction(xml, t);
        xml.close();
    }

    private static void transaction(Xml xml, CreditTransfer t) throws XMLStreamException {
        xml.open("CdtTrfTxInf");
        xml.open("PmtId");
        xml.leaf("EndToEndId", t.endToEndId());
        xml.close();
        xml.open("Amt");
        xml.amount("InstdAmt", t.amount().toPlainString());
        xml.close();
        if (t.creditorBic() != null) {
            xml.agent("CdtrAgt", t.creditorBic());
        }
        xml.party("Cdtr", t.creditorName());
        xml.account("CdtrAcct", t.creditorIban());
        if (!t.remittanceInformation().isEmpty()) {
            xml.open("RmtInf");
            xml.leaf("Ustrd", t.remittanceInformation());
            xml.close();
        }
        xml.close();
    }

    /** The transfer checked, and its texts reduced to what SEPA carries; the same record so nothing is lost. */
    private static CreditTransfer cleaned(CreditTransfer t) {
        String debtorIban = Iban.normalise(t.debtorIban());
        String creditorIban = Iban.normalise(t.creditorIban());
        checkIbans(debtorIban, creditorIban);
        Objects.requireNonNull(t.createdAt(), "createdAt");
        Objects.requireNonNull(t.requestedExecutionDate(), "requestedExecutionDate");
        // SEPA rulebook: a transfer without the debtor's own reference carries NOTPROVIDED.
        String endToEndId = t.endToEndId() == null || t.endToEndId().isBlank()
                ? "NOTPROVIDED" : id("end-to-end id", t.endToEndId());
        return new CreditTransfer(id("message id", t.messageId()), t.createdAt(), t.requestedExecutionDate(),
                name("initiating party", t.initiatingParty()), name("debtor name", t.debtorName()), debtorIban,
                bic("debtorBic", t.debtorBic()), name("creditor name", t.creditorName()), creditorIban,
                bic("creditorBic", t.creditorBic()), amount(t.amount()), endToEndId,
                cut(latin(t.remittanceInformation()), REMITTANCE));
    }

    // Both IBANs at once, so that the person fixing the form sees every mistake in one go.
    private static void checkIbans(String debtorIban, String creditorIban) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String[] field : new String[][] {{"debtorIban", debtorIban}, {"creditorIban", creditorIban}}) {
            try {
                Iban.check(field[0], field[1]);
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String bic(String field, String raw) {
        String bic = Iban.normalise(raw);
        if (bic == null || bic.isEmpty()) {
            return null;
        }
        if (!BIC.matcher(bic).matches()) {
            throw new InvalidInputException(field, "A BIC has 8 or 11 letters and digits, such as CAIXESBBXXX.");
        }
        return bic;
    }

    private static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("The amount of a credit transfer must be more than 0 euros; it is "
                    + (amount == null ? "missing" : amount.toPlainString()) + ".");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("A euro amount has at most 2 decimals (cents); "
                    + amount.toPlainString() + " has more.");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("A SEPA credit transfer is limited to 999999999.99 euros.");
        }
        return amount.setScale(2);
    }

    private static String name(String what, String raw) {
        return required(what, cut(latin(raw), NAME));
    }

    // EPC rule for references: no leading or trailing slash and no double slash.
    private static String id(String what, String raw) {
        String id = cut(latin(raw).replaceAll("/{2,}", "/"), ID).replaceAll("^/+|/+$", "").trim();
        return required(what, id);
    }

    private static String required(String what, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty once reduced to the SEPA character set.");
        }
        return text;
    }

    /** The text in the SEPA Latin character set, which every bank in the scheme must carry unchanged. */
    static String latin(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Œ", "OE")
                .replace("œ", "oe").replace("Ø", "O").replace("ø", "o").replace("Ł", "L").replace("ł", "l")
                .replace("Đ", "D").replace("đ", "d").replace("Þ", "Th").replace("þ", "th").replace("&", "+")
                .replaceAll("[‘’´`]", "'").replaceAll("[‐‑‒–—]", "-").replaceAll("(?U)\\s+", " ");
        // Decomposed, accents become separate marks that the character filter then drops: é -> e.
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", "").replaceAll(" {2,}", " ").trim();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).trim();
    }

    /** Writes indented elements so that a person can read the file before uploading it. */
    private static final class Xml {

        final XMLStreamWriter writer;
        private int depth;

        Xml(XMLStreamWriter writer) {
            this.writer = writer;
        }

        void open(String element) throws XMLStreamException {
            indent();
            writer.writeStartElement(element);
            depth++;
        }

        void close() throws XMLStreamException {
            depth--;
            indent();
            writer.writeEndElement();
        }

        void leaf(String element, String text) throws XMLStreamException {
            indent();
            writer.writeStartElement(element);
            writer.writeCharacters(text);
            writer.writeEndElement();
        }

        void amount(String element, String euros) throws XMLStreamException {
            indent();
            writer.writeStartElement(element);
            writer.writeAttribute("Ccy", "EUR");
            writer.writeCharacters(euros);
            writer.writeEndElement();
        }

        void party(String element, String name) throws XMLStreamException {
            open(element);
            leaf("Nm", name);
            close();
        }

        void account(String element, String iban) throws XMLStreamException {
            open(element);
            open("Id");
            leaf("IBAN", iban);
            close();
            close();
        }

        // Without a BIC the bank finds the agent from the IBAN; the XSD still wants FinInstnId filled.
        void agent(String element, String bic) throws XMLStreamException {
            open(element);
            open("FinInstnId");
            if (bic != null) {
                leaf("BIC", bic);
            } else {
                open("Othr");
                leaf("Id", "NOTPROVIDED");
                close();
            }
            close();
            close();
        }

        private void indent() throws XMLStreamException {
            writer.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}

package eu.clustercalls.payment;

import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/** Reads pain.001.001.03 files as the bank does: against the official ISO 20022 schema, and by XPath (prefix p). */
final class SepaFiles {

    private static final Schema SCHEMA = schema();

    private SepaFiles() {
    }

    /** Throws when the file breaks the schema. */
    static void validate(byte[] file) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
    }

    static String xpath(byte[] file, String expression) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "p".equals(prefix) ? SepaCreditTransferFile.NAMESPACE : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return List.<String>of().iterator();
            }
        });
        return xpath.evaluate(expression, document);
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SepaFiles.class.getResource("/sepa/pain.001.001.03.xsd"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("The test resources carry a broken pain.001.001.03 schema", e);
        }
    }
}

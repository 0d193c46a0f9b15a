package io.usermeta.spec;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openapitools.empoa.swagger.core.internal.SwAdapter;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.ValidatorParameters.NamingConvention;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The style rules the build lints the spec with, read from the style validator plugin's configuration
 * in this module's pom.xml, so that tests apply exactly what the build applies.
 */
final class StyleRules {
    private static final String PLUGIN = "openapi-style-validator-maven-plugin";

    private final ValidatorParameters parameters;

    private StyleRules(ValidatorParameters parameters) {
        this.parameters = parameters;
    }

    /** The rules configured in {@code pom}. */
    static StyleRules configuredIn(Path pom) {
        ValidatorParameters parameters = new ValidatorParameters();
        NodeList settings = pluginConfiguration(pom).getChildNodes();
        for (int index = 0; index < settings.getLength(); index++) {
            if (settings.item(index) instanceof Element setting && !"inputFile".equals(setting.getTagName())) {
                apply(parameters, setting.getTagName(), setting.getTextContent().trim());
            }
        }
        return new StyleRules(parameters);
    }

    /** What the rules find wrong with a spec given as YAML text; empty when it meets them all. */
    List<String> violations(String yaml) {
        OpenApiSpecStyleValidator validator = new OpenApiSpecStyleValidator(
                SwAdapter.toOpenAPI(ApiSpec.parse(yaml).openApi()));
        return validator.validate(parameters).stream().map(Object::toString).toList();
    }

    /** Sets one rule the way the plugin does: {@code <validateNaming>} calls {@code setValidateNaming}. */
    private static void apply(ValidatorParameters parameters, String name, String value) {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            Method method = List.of(ValidatorParameters.class.getMethods()).stream()
                    .filter(candidate -> candidate.getName().equals(setter)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the plugin has no setting <" + name + ">"));
            boolean flag = method.getParameterTypes()[0] == boolean.class;
            method.invoke(parameters, flag ? Boolean.parseBoolean(value) : NamingConvention.valueOf(value));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set <" + name + ">", e);
        }
    }

    private static Element pluginConfiguration(Path pom) {
        NodeList plugins = read(pom).getElementsByTagName("plugin");
        for (int index = 0; index < plugins.getLength(); index++) {
            Element plugin = (Element) plugins.item(index);
            if (PLUGIN.equals(child(plugin, "artifactId").getTextContent().trim())) {
                return child(plugin, "configuration");
            }
        }
        throw new IllegalStateException(pom + " does not configure " + PLUGIN);
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}

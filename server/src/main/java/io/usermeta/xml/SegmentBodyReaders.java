package io.usermeta.xml;

import io.usermeta.api.model.Condition;
import io.usermeta.api.model.Segment;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The strict readers of a {@code <segment>} (PUT of a segment) and of a bare {@code <condition>}
 * (ad-hoc evaluation). Besides the common checks they refuse an unknown {@code op} or {@code type},
 * which JAXB would read as none at all, and name the condition element they are in by its position.
 */
public final class SegmentBodyReaders {
    private static final Map<String, Set<String>> ALLOWED = allowed();

    private SegmentBodyReaders() {}

    /** Reads {@code <segment>} documents. */
    @Provider
    @Consumes({"text/xml", "application/xml"})
    public static final class SegmentReader extends StrictBodyReader<Segment> {
        public SegmentReader(long maxBodyBytes) {
            super(Segment.class, "segment", XmlModels.context(Segment.class), maxBodyBytes);
        }

        @Override
        StrictXmlReader strict(XMLStreamReader reader) {
            return new ConditionElements(reader);
        }
    }

    /** Reads {@code <condition>} documents. */
    @Provider
    @Consumes({"text/xml", "application/xml"})
    public static final class ConditionReader extends StrictBodyReader<Condition> {
        public ConditionReader(long maxBodyBytes) {
            super(Condition.class, "condition", XmlModels.context(Condition.class), maxBodyBytes);
        }

        @Override
        StrictXmlReader strict(XMLStreamReader reader) {
            return new ConditionElements(reader);
        }
    }

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> allowed = new HashMap<>(XmlModels.allowedAttributes(Segment.class));
        allowed.put("value", Set.of());
        allowed.put("description", Set.of());
        return Map.copyOf(allowed);
    }

    /** Checks the op and type names of each {@code <condition>}. */
    private static final class ConditionElements extends StrictXmlReader {
        private static final String CONDITION = "condition";

        private int conditions;

        ConditionElements(XMLStreamReader reader) {
            super(reader, ALLOWED);
        }

        @Override
        void startElement(String element) throws XMLStreamException {
            if (!CONDITION.equals(element)) {
                return;
            }
            conditions++;
            String op = getAttributeValue(null, "op");
            if (op != null && Arrays.stream(Condition.OpEnum.values()).noneMatch(known -> known.value()
                    .equals(op))) {
                fail("op '" + Text.quote(op) + "' is not one of allOf, anyOf, not, equals, in, range, contains,"
                        + " present, absent");
            }
            String type = getAttributeValue(null, "type");
            if (type != null && ValueType.named(type) == null) {
                fail("type '" + Text.quote(type) + "' is not one of " + Arrays.toString(ValueType.values()));
            }
        }

        @Override
        String where() {
            return conditions == 0 ? null : "<condition> #" + conditions;
        }
    }
}

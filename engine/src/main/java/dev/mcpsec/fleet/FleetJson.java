package dev.mcpsec.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.mcpsec.api.Severity;
import java.io.IOException;

/**
 * The one JSON mapping of fleet documents (cache entries, org reports): severities as their
 * lower-case ids.
 */
final class FleetJson {
    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .configure(SerializationFeature.INDENT_OUTPUT, true)
                    .addModule(
                            new SimpleModule("mcpsec-severity")
                                    .addSerializer(
                                            Severity.class,
                                            new JsonSerializer<>() {
                                                @Override
                                                public void serialize(
                                                        Severity value,
                                                        JsonGenerator gen,
                                                        SerializerProvider serializers)
                                                        throws IOException {
                                                    gen.writeString(value.id());
                                                }
                                            })
                                    .addDeserializer(
                                            Severity.class,
                                            new JsonDeserializer<>() {
                                                @Override
                                                public Severity deserialize(
                                                        JsonParser p, DeserializationContext ctxt)
                                                        throws IOException {
                                                    return Severity.parse(p.getValueAsString());
                                                }
                                            }))
                    .build();

    private FleetJson() {}
}

package org.evgrid.icc.ledger.json;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Jackson module that writes every {@link Identifier} as its plain string value and reads every record implementing
 * {@link Identifier} from a JSON string through its canonical one-{@code String} constructor (so the record's own
 * validation runs). Works for identifier types added later without registration; also covers map keys.
 */
public class IdentifierModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public IdentifierModule() {
        super("icc-identifiers");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(Identifier.class, new IdentifierSerializer());
        context.addSerializers(serializers);
        context.addKeySerializers(keySerializers());
        context.addDeserializers(new IdentifierDeserializers());
        context.addKeyDeserializers(new IdentifierKeyDeserializers());
    }

    private static SimpleSerializers keySerializers() {
        SimpleSerializers keys = new SimpleSerializers();
        keys.addSerializer(Identifier.class, new IdentifierKeySerializer());
        return keys;
    }

    /** Whether a type is a record implementing {@link Identifier} with a one-String canonical constructor. */
    static boolean isIdentifierRecord(Class<?> raw) {
        return raw.isRecord() && Identifier.class.isAssignableFrom(raw) && raw.getRecordComponents().length == 1
                && raw.getRecordComponents()[0].getType() == String.class;
    }

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    static Object create(Class<?> type, String value) {
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            try {
                return t.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Identifier record without a String constructor: " + t.getName(), e);
            }
        });
        try {
            return constructor.newInstance(value);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class IdentifierSerializer extends JsonSerializer<Identifier> {
        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.value());
        }

        @Override
        public Class<Identifier> handledType() {
            return Identifier.class;
        }
    }

    private static final class IdentifierKeySerializer extends JsonSerializer<Identifier> {
        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeFieldName(value.value());
        }

        @Override
        public Class<Identifier> handledType() {
            return Identifier.class;
        }
    }

    private static final class IdentifierDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            return isIdentifierRecord(type.getRawClass()) ? new IdentifierDeserializer(type.getRawClass()) : null;
        }
    }

    private static final class IdentifierKeyDeserializers implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!isIdentifierRecord(raw)) {
                return null;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) {
                    return create(raw, key);
                }
            };
        }
    }

    private static final class IdentifierDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        IdentifierDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            return create(type, p.getText());
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}

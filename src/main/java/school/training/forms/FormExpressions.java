package school.training.forms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates form-js {@code expression} components on the server with Camunda's FEEL engine, so
 * computed fields (a budget total) are right without JavaScript and can't be forged.
 */
@Component
public class FormExpressions {

    private static final Logger log = LoggerFactory.getLogger(FormExpressions.class);

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /**
     * Values of every expression component, keyed by its key, in document order; an expression
     * sees the typed values and the expressions before it. A missing number counts as its
     * {@code defaultValue}, else 0. A failing expression yields null.
     */
    public Map<String, Object> evaluate(FormSchema schema, Map<String, Object> typedValues) {
        VariableMap context = Variables.createVariables();
        for (FormComponent c : schema.fields()) {
            Object value = typedValues.get(c.getKey());
            if (value == null && FormComponent.NUMBER.equals(c.getType())) {
                value = c.getDefaultValue() instanceof Number n ? n.doubleValue() : 0.0;
            }
            context.putValue(c.getKey(), value);
        }
        typedValues.forEach((k, v) -> {
            if (!context.containsKey(k)) {
                context.putValue(k, v);
            }
        });
        Map<String, Object> results = new LinkedHashMap<>();
        for (FormComponent c : schema.fields()) {
            if (!FormComponent.EXPRESSION.equals(c.getType()) || c.getExpression() == null) {
                continue;
            }
            Object result = evaluate(schema, c, context);
            results.put(c.getKey(), result);
            context.putValue(c.getKey(), result);
        }
        return results;
    }

    private Object evaluate(FormSchema schema, FormComponent c, VariableMap context) {
        String expression = c.getExpression().strip();
        if (expression.startsWith("=")) {
            expression = expression.substring(1);
        }
        try {
            return normalize(feel.evaluateSimpleExpression(expression, context.asVariableContext()));
        } catch (RuntimeException e) {
            log.warn("Expression {} of form {} failed: {}", c.getKey(), schema.getId(), e.getMessage());
            return null;
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof BigDecimal || value instanceof Float || value instanceof Integer
                || value instanceof Long || value instanceof Short) {
            return ((Number) value).doubleValue();
        }
        return value;
    }
}

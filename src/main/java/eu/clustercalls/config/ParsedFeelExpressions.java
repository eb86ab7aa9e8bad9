package eu.clustercalls.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The DMN engine's FEEL engine, parsing each expression of a decision once instead of at every evaluation (Camunda's
 * own parses every input expression and every rule's tests each time, camunda/feel-scala#1149: most of the CPU of
 * the eligibility check). Evaluation is Camunda's, on the parsed expression: same values, same failures.
 */
@Component
class ParsedFeelExpressions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> new CachingFeelEngine(configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class CachingFeelEngine extends ScalaFeelEngine {

        /** Expressions come from deployed decisions; the bound only guards against unbounded growth. */
        private static final int MAX_EXPRESSIONS = 10_000;

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        CachingFeelEngine(java.util.List<org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider>
                functionProviders) {
            super(functionProviders == null ? java.util.List.of() : functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            VariableProvider variables = new ContextVariableWrapper(variableContext);
            return (T) valueOf(feelEngine.eval(parsed, context(variables)));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
                VariableContext variableContext) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            VariableProvider input = new StaticVariableProvider(new Map1<>(UnaryTests$.MODULE$.inputVariable(),
                    inputVariable));
            VariableProvider variables = new CompositeVariableProvider(
                    toScalaList(input, new ContextVariableWrapper(variableContext)));
            // A test that evaluates to null does not match (Camunda's engine unboxes null to false).
            return Boolean.TRUE.equals(valueOf(feelEngine.eval(parsed, context(variables))));
        }

        private static ParsedExpression parsed(Map<String, Either<Failure, ParsedExpression>> cache,
                String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
            Either<Failure, ParsedExpression> result = cache.get(expression);
            if (result == null) {
                result = parser.apply(expression);
                if (cache.size() < MAX_EXPRESSIONS) {
                    cache.put(expression, result);
                }
            }
            return (ParsedExpression) valueOf(result);
        }

        private static Object valueOf(Either<Failure, ?> result) {
            if (result instanceof Right<?, ?> right) {
                return right.value();
            }
            throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
        }

        private static CustomContext context(VariableProvider variables) {
            return new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return variables;
                }
            };
        }
    }
}

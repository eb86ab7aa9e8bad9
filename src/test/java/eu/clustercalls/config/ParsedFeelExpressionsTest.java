package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The engine that parses once answers what Camunda's own answers, call after call with other variables. */
class ParsedFeelExpressionsTest {

    private final ScalaFeelEngine camundas = new ScalaFeelEngine(List.of());
    private final ParsedFeelExpressions.CachingFeelEngine feel = new ParsedFeelExpressions.CachingFeelEngine(List.of());

    @Test
    void aParsedExpressionIsEvaluatedAgainstEachCallsVariables() {
        for (VariableContext facts : List.of(facts("12000.00", "1800.00"), facts("0", "2000"), facts("0.5", "1"))) {
            Object expected = camundas.evaluateSimpleExpression("aid + requested", facts);
            assertThat((Object) feel.evaluateSimpleExpression("aid + requested", facts)).isEqualTo(expected);
        }
        assertThat((Object) feel.evaluateSimpleExpression("aid + requested", facts("0.5", "1"))).isEqualTo(1.5);
    }

    @Test
    void aParsedUnaryTestComparesEachCallsInput() {
        VariableContext before = membership(LocalDate.of(2026, 12, 1));
        VariableContext after = membership(LocalDate.of(2027, 1, 1));

        assertThat(feel.evaluateSimpleUnaryTests("> closingDate", "membershipFrom", before)).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("> closingDate", "membershipFrom", after)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("> closingDate", "membershipFrom", before)).isFalse();
    }

    @Test
    void aTestOfAnEmptyInputDoesNotMatchAsWithCamundasEngine() {
        VariableContext unknown = Variables.createVariables().putValue("membersOnly", null).asVariableContext();

        assertThat(camundas.evaluateSimpleUnaryTests("true", "membersOnly", unknown)).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("true", "membersOnly", unknown)).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("null", "membersOnly", unknown)).isTrue();
    }

    @Test
    void anExpressionThatDoesNotParseFailsEveryTimeAsWithCamundasEngine() {
        assertThatThrownBy(() -> camundas.evaluateSimpleExpression("aid +* requested", facts("1", "2")))
                .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleExpression("aid +* requested", facts("1", "2")))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression");
        }
    }

    private static VariableContext facts(String aid, String requested) {
        return Variables.createVariables().putValue("aid", new BigDecimal(aid))
                .putValue("requested", new BigDecimal(requested)).asVariableContext();
    }

    private static VariableContext membership(LocalDate from) {
        return Variables.createVariables().putValue("membershipFrom", from)
                .putValue("closingDate", LocalDate.of(2026, 12, 21)).asVariableContext();
    }
}

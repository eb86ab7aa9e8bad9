package eu.clustercalls.staffforms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * The words of the task forms in the language of the task's cluster: a group task is seen by several people before
 * one claims it, so the language is the cluster's staff language, not a person's. One listener added at parsing to
 * every user task with a form, so a new form needs only its texts in the bundle {@value Texts#BUNDLE}: it puts them
 * into one task-local JSON variable, {@value #VARIABLE}, which the form reads as {@code {{labels.field_x.label}}} and
 * a radio's choices as {@code =labels.field_x.options}. Task-local, so it is no form field, never submitted, and kept
 * out of history ({@code FormViewsOutOfHistory}).
 */
@Component
class StaffFormTexts extends AbstractProcessEnginePlugin {

    static final String VARIABLE = "labels";

    // Looked up when a task is created: the services cannot be made before the engine that this plugin configures.
    private final ObjectProvider<Texts> texts;

    StaffFormTexts(ObjectProvider<Texts> texts) {
        this.texts = texts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String formId = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (formId == null) {
                    return;
                }
                TaskListener listener = task -> texts.getObject().showIn(task, formId);
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        });
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new StartFormLabels());
    }

    /**
     * A start form has no task to carry its labels, and Tasklist gives a start form no engine data: so the start
     * form it fetches is served with its labels already written in, in the language of the signed-in user's cluster
     * (her tenants; the first by id if she works for several). Only the answer changes, the deployed form stays as
     * it is.
     */
    private final class StartFormLabels extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (command instanceof GetDeployedStartFormCmd && result instanceof InputStream form) {
                @SuppressWarnings("unchecked")
                T written = (T) new ByteArrayInputStream(texts.getObject().writtenIn(readAll(form),
                        firstTenant(Context.getCommandContext().getAuthentication())));
                return written;
            }
            return result;
        }

        private static byte[] readAll(InputStream form) {
            try (form) {
                return form.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("The start form cannot be read", e);
            }
        }

        private static String firstTenant(Authentication user) {
            if (user == null || user.getTenantIds() == null) {
                return null;
            }
            return user.getTenantIds().stream().sorted().findFirst().orElse(null);
        }
    }

    /** A form's texts in a language, from the bundle. */
    @Component
    static class Texts {

        static final String BUNDLE = "messages/staff-forms";
        static final String OPTIONS = "options";
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Pattern TEMPLATE_READ = Pattern.compile("\\{\\{\\s*labels\\.([\\w.]*\\w)\\s*}}");
        private static final Pattern LABELS_READ = Pattern.compile("\\blabels\\.([\\w.]*\\w)");
        private static final Pattern CHOICES_READ = Pattern.compile("=labels\\.([\\w.]*\\w)");

        private final ClusterOrganisationService organisations;
        // The keys in the order of the English file, which is the order of a radio's choices.
        private final List<String> keys;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Texts(ClusterOrganisationService organisations) {
            this.organisations = organisations;
            this.keys = List.copyOf(keysInOrder());
        }

        void showIn(DelegateTask task, String formId) {
            task.setVariableLocal(VARIABLE, labels(formId, task.getTenantId()));
        }

        /** The variable that a task of this form and cluster (its tenant) carries. */
        JsonValue labels(String formId, String tenantId) {
            return SpinValues.jsonValue(json(formId, organisations.staffLanguage(tenantId))).create();
        }

        /**
         * A form document with its labels written in, in the cluster's language: a {@code {{labels.x}}} template
         * becomes the text, a {@code labels.x} read in FEEL a FEEL string, a choice list read from labels the list.
         * A document that is no form with texts in the bundle comes back as it was.
         */
        byte[] writtenIn(byte[] document, String tenantId) {
            JsonNode form;
            try {
                form = JSON.readTree(document);
            } catch (IOException e) {
                return document;
            }
            String formId = form.path("id").asText();
            if (!form.isObject() || keys.stream().noneMatch(key -> key.startsWith(formId + "."))) {
                return document;
            }
            try {
                JsonNode labels = JSON.readTree(json(formId, organisations.staffLanguage(tenantId)));
                writeIn(form, labels);
                return JSON.writeValueAsBytes(form);
            } catch (IOException e) {
                throw new UncheckedIOException("The texts of " + formId + " cannot be written in", e);
            }
        }

        private static void writeIn(JsonNode container, JsonNode labels) {
            for (JsonNode node : container.path("components")) {
                ObjectNode component = (ObjectNode) node;
                for (String attribute : List.of("label", "description", "text")) {
                    if (component.path(attribute).isTextual()) {
                        component.put(attribute, writtenIn(component.get(attribute).asText(), labels));
                    }
                }
                Matcher choices = CHOICES_READ.matcher(component.path("valuesExpression").asText());
                if (choices.matches()) {
                    component.remove("valuesExpression");
                    component.set("values", labels.at(pointer(choices.group(1))));
                }
                writeIn(component, labels);
            }
        }

        private static String writtenIn(String text, JsonNode labels) {
            String templates = TEMPLATE_READ.matcher(text).replaceAll(read -> Matcher.quoteReplacement(
                    labels.at(pointer(read.group(1))).asText()));
            return LABELS_READ.matcher(templates).replaceAll(read -> Matcher.quoteReplacement('"'
                    + labels.at(pointer(read.group(1))).asText().replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
        }

        private static String pointer(String path) {
            return "/" + path.replace('.', '/');
        }

        /** The texts of a form as JSON: its keys without the form id, nested at the dots; choices as lists. */
        String json(String formId, Locale language) {
            return cache.computeIfAbsent(formId + "/" + language.toLanguageTag(), ignored -> {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                ObjectNode root = JSON.createObjectNode();
                String prefix = formId + ".";
                for (String key : keys) {
                    if (key.startsWith(prefix)) {
                        put(root, key.substring(prefix.length()).split("\\."), bundle.getString(key));
                    }
                }
                return root.toString();
            });
        }

        private static void put(ObjectNode root, String[] path, String text) {
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                if (path[i].equals(OPTIONS) && i == path.length - 2) {
                    ArrayNode options = node.has(OPTIONS) ? (ArrayNode) node.get(OPTIONS) : node.putArray(OPTIONS);
                    options.addObject().put("label", text).put("value", path[i + 1]);
                    return;
                }
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            node.put(path[path.length - 1], text);
        }

        private static Set<String> keysInOrder() {
            Set<String> keys = new LinkedHashSet<>();
            Properties recorder = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    keys.add((String) key);
                    return super.put(key, value);
                }
            };
            try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(BUNDLE + ".properties");
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                recorder.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("The staff forms' texts cannot be read", e);
            }
            return keys;
        }
    }
}

package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cluster's staff at their desks, deciding through the engine REST API with their own accounts (HTTP Basic), as
 * Tasklist and Cockpit do: claim and complete a task with its form's values, move a timer to now. The engine's
 * services are only read, to find the task or job a person would find in Tasklist or Cockpit.
 */
final class StaffDesk {

    private final String baseUrl;
    private final Map<String, String> passwords;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    StaffDesk(String baseUrl, Map<String, String> passwords, TaskService tasks, RuntimeService runtime,
            ManagementService management) {
        this.baseUrl = baseUrl;
        this.passwords = passwords;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    /**
     * The open tasks of that kind in these process instances or the ones they called (the travel reimbursement is a
     * process of its own), once there are as many as expected.
     */
    List<Task> awaitTasks(String taskKey, List<String> processInstances, int expected) {
        return await(taskKey + " x" + expected, () -> {
            List<String> instances = new ArrayList<>(processInstances);
            for (String instance : processInstances) {
                runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list()
                        .forEach(called -> instances.add(called.getId()));
            }
            List<Task> open = tasks.createTaskQuery().taskDefinitionKey(taskKey).list().stream()
                    .filter(task -> instances.contains(task.getProcessInstanceId())).toList();
            return open.size() >= expected ? open : null;
        });
    }

    /** Claims (unless it is the user's already) and completes the task with the form's values. */
    void complete(String user, Task task, Map<String, Object> form) {
        if (task.getAssignee() == null) {
            send(user, "POST", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        }
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        send(user, "POST", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
    }

    /** Moves the timers of that activity in these instances to now, as an administrator does in Cockpit. */
    void fireTimers(String activityId, List<String> processInstances) {
        List<Job> timers = await("timer " + activityId, () -> {
            List<Job> found = management.createJobQuery().timers().activityId(activityId).list().stream()
                    .filter(job -> processInstances.contains(job.getProcessInstanceId())).toList();
            return found.isEmpty() ? null : found;
        });
        String now = OffsetDateTime.now().minusSeconds(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        for (Job timer : timers) {
            send("admin", "PUT", "/engine-rest/job/" + timer.getId() + "/duedate", Map.of("duedate", now));
        }
    }

    private void send(String user, String method, String path, Object body) {
        try {
            sendChecked(user, method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: " + method + " " + path, e);
        }
    }

    private void sendChecked(String user, String method, String path, Object body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + passwords.get(user))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s %s as %s: %s", method, path, body, user, response.body())
                .isBetween(200, 299);
    }

    static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 90 s for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}

package eu.clustercalls.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One endpoint of the JSON API as the running application maps it: a path pattern under /api with one HTTP method.
 * Read from the request mappings, so that an endpoint added later is tested without anyone listing it.
 */
record ApiEndpoint(HttpMethod method, String pattern, HandlerMethod handler) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final Set<RequestMethod> ANY_METHOD = EnumSet.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Set<HttpMethod> INPUT = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** Every endpoint under /api, by pattern and method. */
    static List<ApiEndpoint> all(ApplicationContext context) {
        Map<String, ApiEndpoint> endpoints = new LinkedHashMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (!pattern.startsWith("/api/") && !pattern.equals("/api")) {
                            continue;
                        }
                        for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
                            ApiEndpoint endpoint = new ApiEndpoint(method.asHttpMethod(), pattern, handler);
                            endpoints.putIfAbsent(endpoint.key(), endpoint);
                        }
                    }
                }));
        List<ApiEndpoint> sorted = new ArrayList<>(endpoints.values());
        sorted.sort(Comparator.comparing(ApiEndpoint::key));
        return sorted;
    }

    /** As the tests' tables name it: {@code POST /api/calls/{callId}/applications}. */
    String key() {
        return method.name() + " " + pattern;
    }

    List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether it takes input: POST, PUT or PATCH. */
    boolean takesInput() {
        return INPUT.contains(method);
    }

    boolean hasJsonBody() {
        return parameters().stream().anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
    }

    /** Whether it reads parts of a multipart request (files). */
    boolean isMultipart() {
        return parameters().stream().anyMatch(parameter -> parameter.hasParameterAnnotation(RequestPart.class)
                || MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                || MultipartRequest.class.isAssignableFrom(parameter.getParameterType()));
    }

    /** The address with these values in its variables, each encoded as a whole path segment. */
    URI uri(Map<String, String> values) {
        return UriComponentsBuilder.fromPath(pattern).encode().buildAndExpand(values).toUri();
    }

    private List<MethodParameter> parameters() {
        return Arrays.asList(handler.getMethodParameters());
    }
}

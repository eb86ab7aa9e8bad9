package eu.clustercalls.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of a door to a request our rules refused carries our sentence alone as its message: the engine's REST
 * resources prefix it ("Cannot submit task form 3f2a…: "), and Tasklist shows that message to the person as is.
 * Only such an answer is held back and rewritten; every other answer streams through untouched.
 */
final class PlainRefusals extends HttpServletResponseWrapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ByteArrayOutputStream held;
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;

    /** How the sentence reads to the person asking (a phrase in their language). */
    private final UnaryOperator<String> words;

    PlainRefusals(HttpServletResponse response, UnaryOperator<String> words) {
        super(response);
        this.words = words;
    }

    /** Whether this answer is a refusal's: an error while a rule's sentence is on record. */
    private boolean refused() {
        return EngineDoor.refusal() != null && getStatus() >= 400;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (heldStream != null) {
            return heldStream;
        }
        if (!refused()) {
            return super.getOutputStream();
        }
        held = new ByteArrayOutputStream();
        heldStream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("A refusal's answer is written at once.");
            }

            @Override
            public void write(int b) {
                held.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                held.write(bytes, offset, length);
            }
        };
        return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (heldWriter == null && (heldStream != null || refused())) {
            heldWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
        }
        return heldWriter != null ? heldWriter : super.getWriter();
    }

    @Override
    public void setContentLength(int length) {
        if (!refused()) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!refused()) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!("Content-Length".equalsIgnoreCase(name) && refused())) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!("Content-Length".equalsIgnoreCase(name) && refused())) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (held == null) {
            super.flushBuffer();
        }
    }

    /** Writes the held answer with its message replaced by our sentence, if the message carried it. */
    void finish() throws IOException {
        if (held == null) {
            return;
        }
        if (heldWriter != null) {
            heldWriter.flush();
        }
        byte[] body = held.toByteArray();
        String sentence = EngineDoor.refusal();
        try {
            JsonNode answer = JSON.readTree(body);
            if (sentence != null && answer instanceof ObjectNode object && object.path("message").asText()
                    .contains(sentence)) {
                object.put("message", words.apply(sentence));
                body = JSON.writeValueAsBytes(object);
            }
        } catch (IOException notJson) {
            // Not the engine's JSON answer: it goes out as written.
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

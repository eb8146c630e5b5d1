package io.vpbx.web.shared;

import io.vpbx.model.shared.RuleViolation;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A download of one object by {@code ?id=}, mapped inside a console so the caller is that console's
 * login. The service behind {@link #find} finds only the caller's own objects: an id that is not a
 * number, another tenant's object and one that never existed are all the same 404, so nothing tells
 * whether another tenant's object exists. Responses are private, never cached or sniffed; {@code
 * &download=1} makes them an attachment.
 *
 * @param <T> what the service returns for an id
 */
public abstract class TenantDownloadServlet<T> extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * The caller's object with this id.
     *
     * @throws RuleViolation or {@link EJBAccessException} when it is not the caller's to read
     */
    protected abstract T find(long id);

    /** Sends the object found; the headers of {@link #start} come first. */
    protected abstract void send(
            long id, T found, HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long id;
        T found;
        try {
            id = Long.parseLong(request.getParameter("id"));
            found = find(id);
        } catch (NumberFormatException | RuleViolation | EJBAccessException notYours) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(id, found, request, response);
    }

    /**
     * The headers of every download: the type, private and not sniffed, shown in the browser
     * ({@code inline}) unless {@code ?download=1} or {@code attachment} asks to save it.
     */
    protected static void start(
            HttpServletRequest request,
            HttpServletResponse response,
            String contentType,
            String fileName,
            boolean attachment) {
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        boolean save = attachment || "1".equals(request.getParameter("download"));
        response.setHeader(
                "Content-Disposition",
                (save ? "attachment" : "inline") + "; filename=\"" + fileName + "\"");
    }

    /** Sends a whole file with its length; a file gone meanwhile is 404. */
    protected static void sendFile(HttpServletResponse response, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            response.reset();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}

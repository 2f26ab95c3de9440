// An API client whose errors carry the HTTP status, like Spring's HttpClientErrorException.
// Callers catch the class and read the field.
// Run: java ProfileClient.java
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

public class ProfileClient {
    static class HttpStatusException extends IOException {
        final int status;

        HttpStatusException(String method, String url, int status) {
            super(method + " " + url + ": " + status);
            this.status = status;
        }
    }

    record Response(int status, String body) {}

    // Stands in for HttpClient.send: a response per user, or a network failure.
    static final Map<String, Response> RESPONSES = Map.of(
            "ada", new Response(200, "{\"user\":\"ada\",\"name\":\"Ada Lovelace\"}"),
            "eve", new Response(403, ""), "bob", new Response(500, ""));

    static Response send(String method, String url) throws IOException {
        String user = url.substring(url.lastIndexOf('/') + 1);
        if (user.equals("down")) throw new ConnectException("Connection refused");
        return RESPONSES.getOrDefault(user, new Response(404, ""));
    }

    static final String BASE_URL = "https://api.example";
    static final String GUEST = "{\"name\":\"Guest\"}";

    static String profile(String user) throws IOException {
        String url = BASE_URL + "/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        Response res = send("GET", url);
        if (res.status() < 200 || res.status() > 299) throw new HttpStatusException("GET", url, res.status());
        return res.body();
    }

    static String profileOrGuest(String user) throws IOException {
        try {
            return profile(user);
        } catch (HttpStatusException e) {
            if (e.status == 404) return GUEST;
            throw e;
        }
    }

    // Exit statuses from sysexits.h.
    static int exitCode(Exception e) {
        if (!(e instanceof HttpStatusException he)) return 1;
        if (he.status == 404) return 67; // EX_NOUSER
        if (he.status == 401 || he.status == 403) return 77; // EX_NOPERM
        if (he.status >= 500) return 69; // EX_UNAVAILABLE
        return 1;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(profileOrGuest("ada") + " " + profileOrGuest("nobody"));
        for (String user : new String[] {"eve", "bob", "down"}) {
            try {
                profile(user);
            } catch (IOException e) {
                System.out.println(user + ": exit " + exitCode(e) + " (" + e.getMessage() + ")"); // 77, 69, 1
            }
        }
    }
}

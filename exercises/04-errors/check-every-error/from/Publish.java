// Publish a blog post: render the draft, store the post, index it, delete the draft.
// One try block: the first step that throws stops the rest; the catch adds the slug.
// Run: java Publish.java
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

public class Publish {
    interface Store {
        String get(String key) throws IOException;
        void put(String key, String data) throws IOException;
        void delete(String key) throws IOException;
    }

    static class MemoryStore implements Store {
        final Map<String, String> docs = new LinkedHashMap<>();

        public String get(String key) throws IOException {
            String doc = docs.get(key);
            if (doc == null) throw new NoSuchFileException(key, null, "not found");
            return doc;
        }

        public void put(String key, String data) { docs.put(key, data); }

        public void delete(String key) { docs.remove(key); }
    }

    static class PublishException extends Exception {
        PublishException(String message, Throwable cause) { super(message, cause); }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String render(String draft) {
        String[] parts = draft.split("\n", 2);
        String title = parts[0].replaceFirst("^#", "").strip();
        if (title.isEmpty()) throw new IllegalArgumentException("draft has no title");
        return "<h1>" + escape(title) + "</h1>\n" + escape(parts.length > 1 ? parts[1] : "");
    }

    static String readIndex(Store store) throws IOException {
        try {
            return store.get("index.html");
        } catch (NoSuchFileException e) {
            return ""; // no index yet: start one
        }
    }

    static void publish(Store store, String slug) throws PublishException {
        try {
            String page = render(store.get("drafts/" + slug));
            store.put("posts/" + slug + ".html", page);
            String index = readIndex(store);
            store.put("index.html", index + "<li><a href=\"posts/" + slug + ".html\">" + slug + "</a></li>\n");
            store.delete("drafts/" + slug);
        } catch (IOException | IllegalArgumentException e) {
            throw new PublishException("publish " + slug, e);
        }
    }

    public static void main(String[] args) {
        MemoryStore store = new MemoryStore();
        store.docs.put("drafts/hello", "# Hello, Go\nErrors are values.");
        try {
            publish(store, "hello");
            System.out.println(store.docs.keySet()); // [posts/hello.html, index.html]
            publish(store, "missing");
        } catch (PublishException e) {
            System.out.println(e.getMessage() + ": " + e.getCause().getMessage()); // publish missing: drafts/missing: not found
        }
    }
}

// An order endpoint: parseOrder throws BadRequestException, one try per request sorts out what arrives.
// Run: java Orders.java
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

public class Orders {
    record Order(String sku, int qty) {}

    record Response(int status, String body) {}

    static class BadRequestException extends RuntimeException {
        BadRequestException(String message) { super(message); }
    }

    static class OutOfStockException extends RuntimeException {
        OutOfStockException(String message) { super(message); }
    }

    static Order parseOrder(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        String sku = form.get("sku");
        if (sku == null || sku.isEmpty()) throw new BadRequestException("missing sku");
        String qty = form.getOrDefault("qty", "");
        try {
            int n = Integer.parseInt(qty);
            if (n >= 1 && n <= 100) return new Order(sku, n);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("qty \"" + qty + "\" is not a whole number from 1 to 100");
    }

    static Response handle(String body, Function<Order, String> place) {
        try {
            return new Response(201, place.apply(parseOrder(body)));
        } catch (BadRequestException e) {
            return new Response(400, e.getMessage());
        } catch (OutOfStockException e) {
            return new Response(409, e.getMessage());
        } catch (RuntimeException e) { // a NullPointerException from a bug lands here too
            System.err.println("handle order: " + e + "\n\tat " + e.getStackTrace()[0]);
            return new Response(500, "internal error");
        }
    }

    static final Map<String, Integer> stock = new HashMap<>(Map.of("tea", 5));

    static String place(Order o) {
        if (stock.get(o.sku()) < o.qty()) throw new OutOfStockException(o.qty() + " x " + o.sku() + ": out of stock");
        stock.merge(o.sku(), -o.qty(), Integer::sum);
        return "order-" + o.sku() + "-" + o.qty();
    }

    public static void main(String[] args) {
        for (String body : new String[] {"sku=tea&qty=2", "sku=tea&qty=lots", "sku=tea&qty=9"}) {
            System.out.println(body + " " + handle(body, Orders::place));
        }
        System.out.println("bug " + handle("sku=coffee&qty=1", Orders::place)); // NullPointerException: a bug, answered with a 500
    }
}

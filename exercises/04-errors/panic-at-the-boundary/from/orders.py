"""An order endpoint: parse_order raises BadRequest, one try per request sorts out what arrives.

Run: python3 orders.py
"""
import logging
from urllib.parse import parse_qs

log = logging.getLogger("orders")


class BadRequest(Exception):
    pass


class OutOfStock(Exception):
    pass


def parse_order(body):
    form = {k: v[0] for k, v in parse_qs(body).items()}
    sku = form.get("sku")
    if not sku:
        raise BadRequest("missing sku")
    qty = form.get("qty", "")
    if not qty.isdigit() or not 1 <= int(qty) <= 100:
        raise BadRequest(f"qty {qty!r} is not a whole number from 1 to 100")
    return sku, int(qty)


def handle(body, place):
    try:
        return 201, place(*parse_order(body))
    except BadRequest as e:
        return 400, str(e)
    except OutOfStock as e:
        return 409, str(e)
    except Exception:  # a KeyError or AttributeError from a bug lands here too
        log.exception("handle order")  # logs the traceback
        return 500, "internal error"


stock = {"tea": 5}


def place(sku, qty):
    if stock[sku] < qty:
        raise OutOfStock(f"{qty} x {sku}: out of stock")
    stock[sku] -= qty
    return f"order-{sku}-{qty}"


if __name__ == "__main__":
    for body in ("sku=tea&qty=2", "sku=tea&qty=lots", "sku=tea&qty=9"):
        print(body, handle(body, place))
    print("bug", handle("sku=coffee&qty=1", place))  # KeyError: a bug, answered with a 500

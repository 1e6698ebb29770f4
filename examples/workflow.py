"""An order-approval workflow that waits for people three times.

Run it with a store and it suspends at each `durable.wait`; resume it with the answer:

    rceval run --store wf.db examples/workflow.py          # exits 75: waiting for "approval"
    rceval resume --store wf.db --id 1 --send true         # waiting for "quantity"
    rceval resume --store wf.db --id 1 --send 3            # waiting for "note"
    rceval resume --store wf.db --id 1 --send '"rush"'     # finishes

While it waits, everything below is on disk: the loop positions, the half-consumed generator,
the closures' cells, the `Order` objects, the `try`/`finally` blocks and the exception being
handled in the `except` clause.
"""

import durable


class Order:
    count = 0

    def __init__(self, item, price):
        Order.count += 1
        self.number = Order.count
        self.item = item
        self.price = price
        self.history = []

    def log(self, what):
        self.history.append(what)

    def __repr__(self):
        return f"Order#{self.number}({self.item!r}, {self.price})"


class ApprovalError(Exception):
    pass


def make_counter(start):
    total = start

    def add(n):
        nonlocal total
        total += n
        return total

    return add


def ids(prefix):
    n = 0
    while True:
        n += 1
        yield f"{prefix}-{n:03d}"


def ask(question, order):
    order.log("asked " + question)
    answer = durable.wait(question)
    order.log(f"{question}={answer!r}")
    return answer


def approve(order, ticket):
    try:
        if order.price > 100:
            raise ApprovalError(f"{order!r} costs {order.price}")
        return "auto"
    except ApprovalError as e:
        print("needs approval:", e, "ticket", ticket)
        # Waits with an exception being handled: it must come back too.
        ok = ask("approval", order)
        if not ok:
            raise
        return "manual"
    finally:
        order.log("approval checked")


def fulfil(orders, tickets, tally):
    shipped = []
    for i, order in enumerate(orders):
        ticket = next(tickets)
        how = approve(order, ticket)
        print(f"{ticket}: {order!r} approved ({how})")
        if order.item == "lamp":
            qty = 1
            while qty < 2:
                qty = ask("quantity", order)
            tally(qty)
        else:
            tally(1)
        shipped.append((ticket, order.item, how))
    return shipped


def main():
    orders = [Order("pen", 2.5), Order("desk", 250), Order("lamp", 40)]
    tickets = ids("T")
    tally = make_counter(0)
    squares = (n * n for n in range(10))
    print("first squares:", next(squares), next(squares))
    try:
        shipped = fulfil(orders, tickets, tally)
    finally:
        print("fulfilment done; next ticket would be", next(tickets))
    note = durable.wait("note")
    print("note:", note)
    for ticket, item, how in shipped:
        print(" ", ticket, item, how)
    for order in orders:
        print(order, order.history)
    print("items:", tally(0), "orders made:", Order.count)
    print("rest of squares:", list(squares))
    print("float bits:", 0.1 + 0.2, -0.0, 1e308 * 10, 2**100 + tally(0))


main()

# bench-args: 60
# default-args: 6
# test-args: 1 1000
# Richards: Martin Richards' operating-system scheduler simulation (an idle task, a work
# task, two packet handlers and two devices exchanging packets by priority).
# Stresses method calls, attribute access, small classes with __slots__ and linked lists.
# Arguments: how many times the whole simulation runs, and optionally the idle task's tick
# count (10000, the classic figure, by default). Prints the queue and hold counts.
import sys

IDLE_ID = 1
WORK_ID = 2
HANDLER_A_ID = 3
HANDLER_B_ID = 4
DEVICE_A_ID = 5
DEVICE_B_ID = 6

DEVICE_PACKET = 0
WORK_PACKET = 1
BUFFER_SIZE = 4
IDLE_TICKS = 10000


class Packet:
    __slots__ = ("link", "owner", "kind", "datum", "buffer")

    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.buffer = [0] * BUFFER_SIZE

    def queued_after(self, queue):
        """Appends this packet to the end of `queue`; returns the new queue head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """A task control block. `has_packet`, `waiting` and `held` are the three state bits."""

    def __init__(self, kernel, ident, priority, inbox, has_packet, waiting):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.inbox = inbox
        self.has_packet = has_packet
        self.waiting = waiting
        self.held = False
        self.next_task = kernel.task_list
        kernel.task_list = self
        kernel.tasks[ident] = self

    def is_blocked(self):
        return self.held or (not self.has_packet and self.waiting)

    def receive(self, packet, sender):
        if self.inbox is None:
            self.inbox = packet
            self.has_packet = True
            if self.priority > sender.priority:
                return self
        else:
            packet.queued_after(self.inbox)
        return sender

    def dispatch(self):
        if self.has_packet and self.waiting and not self.held:
            packet = self.inbox
            self.inbox = packet.link
            self.waiting = False
            self.has_packet = self.inbox is not None
        else:
            packet = None
        return self.run(packet)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.kernel.hold_count += 1
        self.held = True
        return self.next_task

    def release(self, ident):
        task = self.kernel.tasks[ident]
        task.held = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.kernel.tasks[packet.owner]
        self.kernel.queue_count += 1
        packet.link = None
        packet.owner = self.ident
        return target.receive(packet, self)

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, ident, priority, inbox, has_packet, waiting, ticks):
        super().__init__(kernel, ident, priority, inbox, has_packet, waiting)
        self.control = 1
        self.ticks = ticks

    def run(self, packet):
        self.ticks -= 1
        if self.ticks == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A_ID)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B_ID)


class WorkTask(Task):
    def __init__(self, kernel, ident, priority, inbox, has_packet, waiting):
        super().__init__(kernel, ident, priority, inbox, has_packet, waiting)
        self.destination = HANDLER_A_ID
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B_ID if self.destination == HANDLER_A_ID else HANDLER_A_ID
        packet.owner = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.buffer[i] = ord("A") + self.letter - 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, inbox, has_packet, waiting):
        super().__init__(kernel, ident, priority, inbox, has_packet, waiting)
        self.work_queue = None
        self.device_queue = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_queue = packet.queued_after(self.work_queue)
            else:
                self.device_queue = packet.queued_after(self.device_queue)
        work = self.work_queue
        if work is None:
            return self.wait()
        position = work.datum
        if position >= BUFFER_SIZE:
            self.work_queue = work.link
            return self.send(work)
        device = self.device_queue
        if device is None:
            return self.wait()
        self.device_queue = device.link
        device.datum = work.buffer[position]
        work.datum = position + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority, inbox, has_packet, waiting):
        super().__init__(kernel, ident, priority, inbox, has_packet, waiting)
        self.pending = None
        self.output = 0

    def run(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        # what the device "prints": folded into a checksum instead of written out
        self.output = (self.output * 31 + packet.datum) % 1000003
        return self.hold()


class Kernel:
    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.hold_count = 0
        self.queue_count = 0

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_blocked():
                task = task.next_task
            else:
                task = task.dispatch()


def simulate(ticks):
    k = Kernel()
    IdleTask(k, IDLE_ID, 1, None, False, False, ticks)
    work = Packet(Packet(None, 0, WORK_PACKET), 0, WORK_PACKET)
    WorkTask(k, WORK_ID, 1000, work, True, True)
    for ident, device, priority in ((HANDLER_A_ID, DEVICE_A_ID, 2000),
                                    (HANDLER_B_ID, DEVICE_B_ID, 3000)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, DEVICE_PACKET)
        HandlerTask(k, ident, priority, queue, True, True)
    DeviceTask(k, DEVICE_A_ID, 4000, None, False, True)
    DeviceTask(k, DEVICE_B_ID, 5000, None, False, True)
    k.schedule()
    return k.queue_count, k.hold_count, k.tasks[DEVICE_A_ID].output, k.tasks[DEVICE_B_ID].output


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    ticks = int(sys.argv[2]) if len(sys.argv) > 2 else IDLE_TICKS
    totals = [0, 0]
    for _ in range(runs):
        queued, held, out_a, out_b = simulate(ticks)
        # the figures every correct Richards implementation reaches with 10000 ticks
        if ticks == IDLE_TICKS and (queued != 23246 or held != 9297):
            raise RuntimeError("wrong simulation: " + str(queued) + " " + str(held))
        totals[0] += queued
        totals[1] += held
    print("queue count", queued, "hold count", held)
    print("device outputs", out_a, out_b)
    print("runs", runs, "totals", totals[0], totals[1])


main()

# Richards-style: objects calling small methods on each other (tasks, queues, a scheduler
# loop), call depth 2-4 with frames of several sizes. Argument: scheduler steps.
import sys


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, ident, priority, queue):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.count = 0

    def runnable(self):
        return self.queue is not None

    def take(self):
        p = self.queue
        self.queue = p.link
        return p

    def give(self, packet):
        self.queue = packet.append_to(self.queue)

    def work(self, packet, peers):
        self.count += 1
        packet.datum = (packet.datum + self.ident * 7) % 26
        target = peers[(self.ident + packet.datum) % len(peers)]
        target.give(packet)
        return target


def schedule(steps):
    tasks = [Task(i, i % 3, None) for i in range(6)]
    for i in range(12):
        tasks[i % 6].give(Packet(None, i, i % 2))
    current = 0
    for _ in range(steps):
        task = tasks[current]
        if task.runnable():
            task.work(task.take(), tasks)
        current = (current + 1) % len(tasks)
    return [t.count for t in tasks]


print(schedule(int(sys.argv[1])))

def drain(queue):
    while True:
        item = queue.pop()
        if not item:
            break
    while queue and len(queue) > 1:
        queue.pop()

def risky():
    try:
        return 1 / 0
    except ZeroDivisionError:
        print("handling division error")
        return [1, 2][5]
risky()

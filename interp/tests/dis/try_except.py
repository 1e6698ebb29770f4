def parse(text):
    try:
        value = int(text)
    except ValueError as error:
        print("bad", error)
        value = None
    except (TypeError, KeyError):
        value = 0
    else:
        value += 1
    return value

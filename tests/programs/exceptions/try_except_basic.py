def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("nope")
    if kind == "attr":
        return None.foo
    if kind == "name":
        return undefined_thing_xyz
    return "fine"
for k in ["zero", "key", "index", "type", "value", "attr", "name", "ok"]:
    try:
        print("result", risky(k))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("no exception for", k)

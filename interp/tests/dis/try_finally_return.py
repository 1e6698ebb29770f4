def read(handle):
    try:
        return handle.read()
    finally:
        handle.close()

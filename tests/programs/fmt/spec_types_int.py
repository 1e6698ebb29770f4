for v in [0, 1, 255, -255, 65, 2**40]:
    print(f"{v:d}", f"{v:x}", f"{v:X}", f"{v:o}", f"{v:b}", f"{v:#x}", f"{v:#X}", f"{v:#o}", f"{v:#b}", f"{v:n}")
print(f"{65:c}", f"{0x263a:c}", f"{97:>3c}", f"{True:d}", f"{True}", f"{False:x}")
print(f"{42:e}", f"{42:f}", f"{42:%}", f"{42:g}", f"{-7:08b}", f"{255:#010x}")

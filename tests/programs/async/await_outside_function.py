print("start")
x = 1
await x

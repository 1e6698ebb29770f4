db = {
    "users": {
        "alice": {"age": 30, "tags": ["admin", "dev"]},
        "bob": {"age": 25, "tags": []},
    },
    "version": 3,
}
print(db["users"]["alice"]["tags"][1], db["version"])
db["users"]["carol"] = {"age": 41, "tags": ["ops"]}
db["users"]["bob"]["tags"].append("new")
for name, info in db["users"].items():
    print(name, info["age"], info["tags"])
print(sorted(db["users"], key=lambda n: db["users"][n]["age"]))
total = sum(u["age"] for u in db["users"].values())
print(total)
print(db)
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)

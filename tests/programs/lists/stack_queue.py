stack = []
for i in range(5):
    stack.append(i * i)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = [1, 2, 3]
queue.append(4)
first = queue.pop(0)
print(first, queue)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}{"]:
    print(repr(s), balanced(s))
def rpn(tokens):
    st = []
    for t in tokens.split():
        if t in "+-*/":
            b = st.pop()
            a = st.pop()
            if t == "+":
                st.append(a + b)
            elif t == "-":
                st.append(a - b)
            elif t == "*":
                st.append(a * b)
            else:
                st.append(a / b)
        else:
            st.append(int(t))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("2 3 4 * -"), rpn("7 2 /"))

# Parameters after * are keyword-only.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("example"))
print(connect("example", port=443, secure=True))
try:
    connect("example", 443)
except TypeError as e:
    print("TypeError:", e)

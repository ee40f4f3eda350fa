# memplay-only: unsupported construct
# Exception groups (PEP 654).
try:
    raise ExceptionGroup("many", [ValueError(1)])
except* ValueError:
    print("handled")

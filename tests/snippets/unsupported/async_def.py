# memplay-only: unsupported construct
print("never printed: the whole snippet is rejected before it runs")
async def fetch():
    return 1
print("still not printed")

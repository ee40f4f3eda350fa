# memplay-only: unsupported construct
# The error names the line, even deep in the file; nothing before it runs.
def ok():
    return 1
print(ok())
class Service:
    async def start(self):
        pass

import sys

async def f():
    pass
print('must not run')

# memplay: SyntaxError: 'async def' is not supported by memplay (line 2)
async def f():
    pass

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
c = Counter()
c.bump()
bound = c.bump
c.bump = print
c.bump('shadowed')

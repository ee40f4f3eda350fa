class A:
    def f(self):
        if self:
            return 1

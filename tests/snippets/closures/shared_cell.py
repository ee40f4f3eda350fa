# Two closures sharing one cell.
def account():
    balance = 0
    def deposit(n):
        nonlocal balance
        balance += n
    def get():
        return balance
    return deposit, get
deposit, get = account()
deposit(10)
deposit(5)
print(get())

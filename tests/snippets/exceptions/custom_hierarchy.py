# A small exception hierarchy with extra state.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, need):
        super().__init__(f"need {need} more")
        self.need = need
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount
print(withdraw(10, 3))
try:
    withdraw(10, 25)
except BankError as e:
    print(type(e).__name__, e, e.need)

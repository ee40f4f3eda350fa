# A failing assert with a message.
balance = 10
for cost in [3, 4, 8]:
    balance -= cost
    print("balance", balance)
    assert balance >= 0, f"balance went negative: {balance}"

café = "naïve €"
print(café, "中文")

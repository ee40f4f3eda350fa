# str.format with positional, keyword and format specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:,} {:08.2f} {:x}".format(3.14159, 1234567, 3.14159, 255))
print("{!r} {!s}".format("q", "q"))

# A comprehension builds the whole list; a generator builds one item at a time.
import sys
squares = [x * x for x in range(100)]
lazy = (x * x for x in range(100))
print(len(squares), sys.getsizeof(squares) > sys.getsizeof([]))
print(sum(lazy), sum(squares))

# isinstance follows the hierarchy.
class Shape: pass
class Square(Shape): pass
class Circle(Shape): pass
shapes = [Square(), Circle(), Square()]
print(sum(isinstance(s, Square) for s in shapes), all(isinstance(s, Shape) for s in shapes))
print(issubclass(Square, (Circle, Shape)))

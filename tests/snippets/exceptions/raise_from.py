# raise ... from sets __cause__.
class ParseError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError("bad config") from e
try:
    load("abc")
except ParseError as e:
    print(e, "| cause:", repr(e.__cause__))

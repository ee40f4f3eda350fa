# raise ... from: the last line is the final exception.
try:
    {}["k"]
except KeyError as e:
    raise ValueError("lookup failed") from e

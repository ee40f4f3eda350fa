s = """triple
quoted
""" + '''also'''
t = r"\d+" + b"bytes" + rb"\x" + Rb"x" + F"{s}" + fr"{s}\n" + u"u"
u = "escaped \" quote" + 'it\'s'
v = "line \
continued"

# memplay: SyntaxError: 'from ... import *' is not supported by memplay (line 2)
from os import *

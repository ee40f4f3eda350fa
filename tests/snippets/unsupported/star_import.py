# memplay-only: unsupported construct
print("never printed")
from gc import *
print(isenabled())
print(get_count())

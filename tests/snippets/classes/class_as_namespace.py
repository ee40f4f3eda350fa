# Classes are objects too.
class Config:
    debug = False
    level = 3
Config.debug = True
print(Config.debug, Config.level, Config.__name__)
cls = Config
print(cls().level)

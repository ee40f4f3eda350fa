# An abstract method called directly.
class Base:
    def run(self):
        raise NotImplementedError("subclass must override run")
Base().run()

# Objects still alive at the end are finalized during shutdown.
class Last:
    def __del__(self):
        print("finalized at exit")
keep = Last()
print("end of script")

# A generation-0 collection starts inside the allocation that takes the
# count past the threshold (700): here the 701st container since collect().
import gc
gc.collect()
made = []
def report(phase, info):
    if phase == "start":
        print("generation", info["generation"], "collection after", len(made), "new lists")
gc.callbacks.append(report)
for i in range(2200):
    made.append([])
gc.callbacks.clear()

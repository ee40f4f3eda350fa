# only a comment

   # indented comment
if True:

    # comment inside
    x = (1 +
         2)
    y = [
        3,
    ]
    z = 1 + \
        2
  # odd comment
    w = {"a": 1}

def f():
	if 1:
		return 2
	return 3

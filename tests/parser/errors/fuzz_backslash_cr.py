
cl
a'\
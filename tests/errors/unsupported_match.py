print('must not run')
x = 1
match x:
    case 1:
        pass

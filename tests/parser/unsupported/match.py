# memplay: SyntaxError: 'match' is not supported by memplay (line 2)
match command:
    case 1:
        pass

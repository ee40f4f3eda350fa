# Shallow copies share inner objects; copying inner lists by hand makes them independent.
matrix = [[1, 2], [3, 4]]
shallow = matrix.copy()
deep = [row.copy() for row in matrix]
matrix[0][0] = 99
print(shallow[0][0], deep[0][0])
print(shallow[0] is matrix[0], deep[0] is matrix[0])

# An uncaught user-defined exception.
class ValidationError(Exception):
    pass
def validate(age):
    if age < 0:
        raise ValidationError(f"age must be >= 0, got {age}")
validate(3)
validate(-1)

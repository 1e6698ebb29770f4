# A module next to the program shadows the standard library's pure-Python `string`.
ascii_lowercase = "not the real alphabet"
print("local string module ran as", __name__)

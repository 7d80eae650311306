# raise ... from ...: both exceptions are reported, the cause first.
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"bad port {text!r}") from e

parse_port("eighty")

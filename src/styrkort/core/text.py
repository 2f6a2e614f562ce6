"""Texts as people compare them."""


def comparable(text: str) -> str:
    """Case and spacing aside: "Aktivt söka  extern finansiering" is "aktivt söka extern finansiering"."""
    return " ".join(text.split()).casefold()
